package sim

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
)

var (
	nodeRes, _  = resources.Lookup("", "v1", "nodes")
	podRes, _   = resources.Lookup("", "v1", "pods")
	leaseRes, _ = resources.Lookup("coordination.k8s.io", "v1", "leases")
)

// sim is one running sim: its nodes, the informers it reads and the
// pod controller and writer it acts through.
type sim struct {
	cfg      Config
	conn     *bus.Conn
	api      *client.Client
	setReady func(error)
	m        *metrics
	w        *writer
	fleet    *fleet
	nodes    *client.Informer // every node: podCIDRs, and what to adopt
	pods     *client.Informer // every pod: the sim's are picked by node name
	ctrl     *controller.Controller
	bg       sync.WaitGroup // resumes in progress
	// behind is how late (ns) the heartbeat loop last started a turn;
	// while it is over behindLimit, pod writes go through trickle only.
	behind  atomic.Int64
	trickle chan struct{}
}

// Run plays cfg.Nodes kubelets until ctx ends. Every sim works: its nodes
// are its own, so there is no leader to elect.
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.setDefaults(); err != nil {
		return err
	}
	return service.Run(ctx, service.Config{Name: "sim", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr},
		func(ctx context.Context, env service.Env) error {
			s, err := newSim(cfg, env)
			if err != nil {
				return err
			}
			return s.run(ctx)
		})
}

func newSim(cfg Config, env service.Env) (*sim, error) {
	s := &sim{cfg: cfg, conn: env.Conn, api: env.Client, setReady: env.SetReady,
		m: newMetrics(env.Metrics), fleet: newFleet(cfg.NamePrefix, cfg.Nodes), trickle: make(chan struct{}, 2)}
	s.w = newWriter(cfg.MaxInFlight, s.m)
	if err := s.stopAtStart(cfg.Stopped); err != nil {
		return nil, err
	}
	// Pod workers take at most half of the write slots, so a burst of pods
	// never starves heartbeats (see admit); a quarter left pods Running
	// 40 s after their binding at 5,000 nodes.
	var err error
	s.ctrl, err = controller.New(controller.Config{Name: "sim-pods", Reconciler: s, Workers: max(2, cfg.MaxInFlight/2), Metrics: controller.NewMetrics(env.Metrics)})
	if err == nil {
		s.nodes, err = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: nodeRes})
	}
	if err == nil {
		s.pods, err = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: podRes, Handler: s.onPod})
	}
	return s, err
}

// run starts everything, waits for ctx to end or a part to fail, then
// stops every part and waits for writes in flight.
func (s *sim) run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	fail := func(err error) {
		if err != nil && ctx.Err() == nil {
			select {
			case errc <- err:
			default:
			}
			cancel()
		}
	}
	var wg sync.WaitGroup
	spawn := func(f func(context.Context) error) { wg.Go(func() { fail(f(ctx)) }) }
	spawn(s.nodes.Run)
	fail(s.start(ctx, spawn))
	<-ctx.Done()
	wg.Wait()
	s.bg.Wait()
	s.w.wait()
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}
