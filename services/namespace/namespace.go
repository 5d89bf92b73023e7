// Package namespace empties deleted namespaces: once a namespace is
// Terminating it deletes everything in it, waits until all of it is gone
// (graceful pod shutdowns and finalizers included), then removes the
// "kubernetes" finalizer through the finalize subresource so the apiserver
// deletes the namespace, as kube-controller-manager's namespace controller.
package namespace

import (
	"context"
	"time"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
)

// Config configures the namespace controller.
type Config struct {
	NATSURL, MetricsAddr string
	LeaderElect          bool
	LeaseDuration        time.Duration
	// Recheck is how soon a namespace whose content is still going away
	// is looked at again if no change comes first (default 5s).
	Recheck time.Duration
}

var namespaces, _ = resources.Lookup("", "v1", "namespaces")

// Run empties deleted namespaces until ctx ends; with LeaderElect only
// while leading.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Recheck <= 0 {
		cfg.Recheck = 5 * time.Second
	}
	return service.Run(ctx, service.Config{Name: "namespace-controller", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration},
		func(ctx context.Context, env service.Env) error {
			metrics := controller.NewMetrics(env.Metrics) // a fresh registry each leadership term
			return work(ctx, cfg, env, metrics)
		})
}

// work is one leadership term, starting from the bucket.
func work(ctx context.Context, cfg Config, env service.Env, m *controller.Metrics) error {
	r := &reconciler{client: env.Client, recheck: cfg.Recheck}
	ctrl, err := controller.New(controller.Config{Name: "namespace", Reconciler: r, Metrics: m})
	if err != nil {
		return err
	}
	r.contents = newTracker(ctx, env.KV, ctrl.Enqueue)
	if r.namespaces, err = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: namespaces, Handler: ctrl.EnqueueObject}); err != nil {
		return err
	}
	go func() { _ = r.namespaces.Run(ctx) }()
	if err := r.namespaces.WaitSynced(ctx); err != nil {
		return nil // ctx ended
	}
	env.SetReady(nil)
	return ctrl.Run(ctx)
}
