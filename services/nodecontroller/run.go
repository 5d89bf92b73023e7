package nodecontroller

import (
	"context"
	"errors"
	"sync"

	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/service"
)

// Run watches nodes until ctx ends; with LeaderElect only while leading.
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	return service.Run(ctx, service.Config{Name: "node-controller", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration},
		func(ctx context.Context, env service.Env) error {
			metrics := controller.NewMetrics(env.Metrics) // a fresh registry each leadership term
			w, err := build(&cfg, env, metrics)
			if err != nil {
				return err
			}
			return w.run(ctx, env)
		})
}

// world is one leadership term: informers and controllers built afresh,
// so a new leader starts from the bucket, never from a predecessor's memory.
type world struct {
	nodes, leases, pods *client.Informer
	ipam                *ipam
	ctrls               []*controller.Controller
}

func build(cfg *Config, env service.Env, m *controller.Metrics) (*world, error) {
	w := &world{}
	lc := &lifecycle{cfg: cfg, client: env.Client, beats: newHeartbeats()}
	ev := &evictor{cfg: cfg, client: env.Client, defaults: tolerationDefaults{
		corev1.TaintNodeNotReady: cfg.NotReadyTolerationSeconds, corev1.TaintNodeUnreachable: cfg.UnreachableTolerationSeconds}}
	health, err1 := controller.New(controller.Config{Name: "node-lifecycle", Reconciler: lc, Metrics: m})
	evict, err2 := controller.New(controller.Config{Name: "taint-eviction", Reconciler: ev, Metrics: m})
	w.ctrls = []*controller.Controller{health, evict}
	onNode := []handler{health.EnqueueObject, w.podsOnNode(evict)}
	if cfg.ClusterCIDR != "none" {
		onNode = append(onNode, w.addIPAM(cfg, env, m))
	}
	var err3, err4, err5 error
	w.nodes, err3 = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: nodes, Handler: fanOut(onNode)})
	w.leases, err4 = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: leases, Namespace: LeaseNamespace, Handler: health.EnqueueMapped(sameName)})
	w.pods, err5 = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: pods, Handler: evict.EnqueueObject})
	lc.nodes, lc.lease, ev.nodes, ev.pods = w.nodes, w.leases, w.nodes, w.pods
	if w.ipam != nil {
		w.ipam.nodes = w.nodes
	}
	return w, errors.Join(err1, err2, err3, err4, err5)
}

// addIPAM adds the node IPAM controller and returns its node handler.
func (w *world) addIPAM(cfg *Config, env service.Env, m *controller.Metrics) handler {
	alloc, _ := newAllocator(cfg.ClusterCIDR, cfg.NodeCIDRMaskSize) // validated
	w.ipam = &ipam{client: env.Client, alloc: alloc}
	ctrl, _ := controller.New(controller.Config{Name: "node-ipam", Reconciler: w.ipam, Metrics: m})
	w.ctrls = append(w.ctrls, ctrl)
	return ctrl.EnqueueObject
}

// run starts the informers, restores the CIDR table once nodes are in,
// then reconciles until ctx ends.
func (w *world) run(ctx context.Context, env service.Env) error {
	infs := []*client.Informer{w.nodes, w.leases, w.pods}
	for _, inf := range infs {
		go func() { _ = inf.Run(ctx) }()
	}
	for _, inf := range infs {
		if err := inf.WaitSynced(ctx); err != nil {
			return nil // ctx ended
		}
	}
	if w.ipam != nil {
		if err := w.ipam.restore(ctx); err != nil {
			return err
		}
	}
	env.SetReady(nil)
	var wg sync.WaitGroup
	for _, c := range w.ctrls {
		wg.Go(func() { _ = c.Run(ctx) })
	}
	wg.Wait()
	return nil
}
