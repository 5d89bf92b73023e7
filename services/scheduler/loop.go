package scheduler

import (
	"context"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/scheduler/core"
)

// scheduler owns the snapshot and the queue on one goroutine: informer
// events and binding results come to it through mailboxes, so decisions never
// race with the state they are made from.
type scheduler struct {
	cfg     Config
	env     service.Env
	snap    *core.Snapshot
	queue   *queue
	assumed map[podKey]string // bound by us, not yet seen bound
	events  *mailbox[change]  // unbounded: informer handlers, shared with other services in the process, never wait on the loop
	failed  *mailbox[bindResult]
	binder  *binder
	status  *statusWriter
	metrics *metrics
	infs    []*client.Informer
	svcs    *client.Informer
}

// change is one informer event.
type change struct {
	typ      watch.EventType
	obj, old runtime.Object
}

func newScheduler(cfg Config, env service.Env) (*scheduler, error) {
	s := &scheduler{cfg: cfg, env: env, snap: core.NewSnapshot(nil, nil), queue: newQueue(), assumed: map[podKey]string{},
		events: newMailbox[change](), failed: newMailbox[bindResult](), metrics: newMetrics(env.Metrics)}
	s.snap.SetConfig(core.Config{PercentageOfNodesToScore: cfg.PercentageOfNodesToScore})
	s.binder = &binder{client: env.Client, results: s.failed, workers: cfg.BindWorkers, metrics: s.metrics, jobs: make(chan bindJob, cfg.BindWorkers*4)}
	s.status = newStatusWriter(env.Client, cfg.Clock)
	for _, res := range []struct {
		r   resources.Resource
		svc bool
	}{{nodesRes, false}, {podsRes, false}, {servicesRes, true}} {
		inf, err := client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: res.r, Handler: s.enqueue})
		if err != nil {
			return nil, err
		}
		s.infs = append(s.infs, inf)
		if res.svc {
			s.svcs = inf
		}
	}
	return s, nil
}

func (s *scheduler) enqueue(t watch.EventType, obj, old runtime.Object) {
	s.events.post(change{typ: t, obj: obj, old: old})
}

// run schedules until ctx ends.
func (s *scheduler) run(ctx context.Context) error {
	for _, inf := range s.infs {
		go func() { _ = inf.Run(ctx) }()
	}
	go s.binder.run(ctx)
	go s.status.run(ctx)
	start := time.Now()
	if !s.sync(ctx) {
		return nil
	}
	logging.From(ctx).Info("scheduler synced", zap.Duration("took", time.Since(start)), zap.Int("pending", s.queue.len()))
	s.env.SetReady(nil)
	flush := time.NewTicker(s.cfg.RetryUnschedulable)
	defer flush.Stop()
	for {
		s.drain()
		if pod := s.queue.pop(); pod != nil {
			s.scheduleOne(ctx, pod)
			continue
		}
		s.metrics.pending.Set(float64(s.queue.len()))
		select {
		case <-ctx.Done():
			return nil
		case <-s.events.ready:
			s.applyEvents()
		case <-s.failed.ready:
			s.takeFailed()
		case <-flush.C:
			s.queue.moveAll()
		}
	}
}

// sync applies informer events until every informer holds its first
// snapshot.
func (s *scheduler) sync(ctx context.Context) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !s.synced() {
		select {
		case <-ctx.Done():
			return false
		case <-s.events.ready:
			s.applyEvents()
		case <-tick.C:
		}
	}
	return true
}

func (s *scheduler) synced() bool {
	for _, inf := range s.infs {
		if !inf.Synced() {
			return false
		}
	}
	return true
}

// drain applies every event already waiting, so each decision sees the
// freshest state without blocking.
func (s *scheduler) drain() {
	s.applyEvents()
	s.takeFailed()
}

func (s *scheduler) applyEvents() {
	for _, c := range s.events.take() {
		s.apply(c)
	}
}

func (s *scheduler) takeFailed() {
	for _, r := range s.failed.take() {
		s.bindFailed(r)
	}
}

func (s *scheduler) apply(c change) {
	switch obj := c.obj.(type) {
	case *corev1.Node:
		s.applyNode(c.typ, obj, c.old)
	case *corev1.Pod:
		s.applyPod(c.typ, obj)
	case *corev1.Service:
		s.applyServices()
	}
}
