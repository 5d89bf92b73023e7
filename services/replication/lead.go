package replication

import (
	"context"
	"sync"
	"sync/atomic"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/connect"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/replication/deployment"
	"github.com/kubus-dev/kubus/services/replication/events"
	"github.com/kubus-dev/kubus/services/replication/replicaset"
)

// handlers fans one informer's changes out to several controllers.
type handlers []func(watch.EventType, runtime.Object, runtime.Object)

func (hs *handlers) call(t watch.EventType, obj, old runtime.Object) {
	for _, h := range *hs {
		h(t, obj, old)
	}
}

// informers are the four mirrors the controllers share, and their
// handler lists, filled before they run.
type informers struct {
	pods, replicaSets, rcs, deployments     *client.Informer
	onPod, onReplicaSet, onRC, onDeployment handlers
}

func newInformers(h *connect.Handles) (*informers, error) {
	in := &informers{}
	for _, x := range []struct {
		inf      **client.Informer
		group    string
		resource string
		on       *handlers
	}{
		{&in.pods, "", "pods", &in.onPod}, {&in.replicaSets, "apps", "replicasets", &in.onReplicaSet},
		{&in.rcs, "", "replicationcontrollers", &in.onRC}, {&in.deployments, "apps", "deployments", &in.onDeployment},
	} {
		r, _ := resources.Lookup(x.group, "v1", x.resource)
		inf, err := client.NewInformer(client.InformerConfig{Cache: h.Cache, Resource: r, Handler: x.on.call})
		if err != nil {
			return nil, err
		}
		*x.inf = inf
	}
	return in, nil
}

func (in *informers) all() []*client.Informer {
	return []*client.Informer{in.pods, in.replicaSets, in.rcs, in.deployments}
}

// runControllers runs one leadership term: informers first, controllers
// once every informer holds a full snapshot, so no controller acts on a
// partial view (an RS seeing none of its pods would create them all again).
func runControllers(ctx context.Context, cfg Config, h *connect.Handles, metrics *controller.Metrics, syncing *atomic.Bool) error {
	in, err := newInformers(h)
	if err != nil {
		return err
	}
	runners, err := newControllers(cfg, h, in, metrics)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, inf := range in.all() {
		wg.Go(func() { _ = inf.Run(ctx) })
	}
	syncing.Store(true)
	defer syncing.Store(false)
	for _, inf := range in.all() {
		if err := inf.WaitSynced(ctx); err != nil {
			return err
		}
	}
	syncing.Store(false)
	for _, run := range runners {
		wg.Go(func() { run(ctx) })
	}
	<-ctx.Done()
	return nil
}

// newControllers builds the three controllers and their Event recorders,
// wires them to the informers, and returns what to run.
func newControllers(cfg Config, h *connect.Handles, in *informers, metrics *controller.Metrics) ([]func(context.Context), error) {
	rec := func(component string) *events.Recorder {
		return events.New(events.Config{Client: h.Client, Component: component, Clock: cfg.Clock})
	}
	rsEvents, rcEvents, dEvents := rec(replicaset.ReplicaSets.Component), rec(replicaset.ReplicationControllers.Component), rec("deployment-controller")
	rsc, err := replicaset.New(replicaset.Config{Kind: replicaset.ReplicaSets, Client: h.Client, Pods: in.pods, Workloads: in.replicaSets,
		Events: rsEvents, BurstReplicas: cfg.BurstReplicas, Workers: cfg.ReplicaSetWorkers, Metrics: metrics, Clock: cfg.Clock})
	if err != nil {
		return nil, err
	}
	rcc, err := replicaset.New(replicaset.Config{Kind: replicaset.ReplicationControllers, Client: h.Client, Pods: in.pods, Workloads: in.rcs,
		Events: rcEvents, BurstReplicas: cfg.BurstReplicas, Workers: cfg.ReplicationControllerWorkers, Metrics: metrics, Clock: cfg.Clock})
	if err != nil {
		return nil, err
	}
	dc, err := deployment.New(deployment.Config{Client: h.Client, Deployments: in.deployments, ReplicaSets: in.replicaSets, Pods: in.pods,
		Events: dEvents, Workers: cfg.DeploymentWorkers, Metrics: metrics, Clock: cfg.Clock})
	if err != nil {
		return nil, err
	}
	in.onPod = handlers{rsc.OnPod, rcc.OnPod, dc.OnPod}
	in.onReplicaSet = handlers{rsc.OnWorkload, dc.OnReplicaSet}
	in.onRC = handlers{rcc.OnWorkload}
	in.onDeployment = handlers{dc.OnDeployment}
	ignore := func(run func(context.Context) error) func(context.Context) {
		return func(ctx context.Context) { _ = run(ctx) }
	}
	return []func(context.Context){rsEvents.Run, rcEvents.Run, dEvents.Run, ignore(rsc.Run), ignore(rcc.Run), ignore(dc.Run)}, nil
}
