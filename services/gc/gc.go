// Package gc is the garbage collector: it deletes objects whose owners
// (by ownerReferences) are gone, and carries out Foreground and Orphan
// deletions, which the apiserver hands to it with the foregroundDeletion
// and orphan finalizers, as kube-controller-manager's garbage collector.
package gc

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
)

// Config configures the garbage collector.
type Config struct {
	NATSURL, MetricsAddr string
	LeaderElect          bool
	LeaseDuration        time.Duration
	// Workers collect in parallel (default 20, kube-controller-manager's
	// --concurrent-gc-syncs).
	Workers int
}

// collector is one leadership term: informers over every served resource
// and the ownership graph built from them.
type collector struct {
	client  *client.Client
	infs    map[string]*mirror // by group-resource
	graph   *graph
	ctrl    *controller.Controller
	handled atomic.Int64 // informer events seen, to tell when start-up settles
}

type mirror struct {
	res resources.Resource
	*client.Informer
}

// Run collects until ctx ends; with LeaderElect only while leading.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Workers <= 0 {
		cfg.Workers = 20
	}
	return service.Run(ctx, service.Config{Name: "gc", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration},
		func(ctx context.Context, env service.Env) error {
			metrics := controller.NewMetrics(env.Metrics) // a fresh registry each leadership term
			c, err := newCollector(cfg, env, metrics)
			if err != nil {
				return err
			}
			return c.run(ctx, env)
		})
}

func newCollector(cfg Config, env service.Env, m *controller.Metrics) (*collector, error) {
	c := &collector{client: env.Client, infs: map[string]*mirror{}, graph: newGraph()}
	var err error
	if c.ctrl, err = controller.New(controller.Config{Name: "garbage-collector", Reconciler: c, Workers: cfg.Workers, Metrics: m}); err != nil {
		return nil, err
	}
	for _, res := range resources.All() {
		inf, err := client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: res, Handler: c.observe(res)})
		if err != nil {
			return nil, err
		}
		c.infs[res.GroupResource().String()] = &mirror{res: res, Informer: inf}
	}
	return c, nil
}

// run starts the informers and collects once the graph holds the whole
// bucket: judging an owner's dependents from half a graph could orphan
// too few or release a foreground deletion too early.
func (c *collector) run(ctx context.Context, env service.Env) error {
	for _, m := range c.infs {
		go func() { _ = m.Run(ctx) }()
	}
	for _, m := range c.infs {
		if err := m.WaitSynced(ctx); err != nil {
			return nil // ctx ended
		}
	}
	c.settle(ctx)
	env.SetReady(nil)
	return c.ctrl.Run(ctx)
}
