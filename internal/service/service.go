// Package service runs the frame every kubus service shares: connect to
// the bus, serve /metrics and probes, and do the work only while leading.
package service

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	"go.uber.org/zap"
	"k8s.io/apimachinery/pkg/util/rand"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/kubus-dev/kubus/internal/connect"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/internal/ops"
	"github.com/kubus-dev/kubus/leaderelection"
)

// Config configures the frame of one service.
type Config struct {
	// Name is the service's name; its Lease is "kubus-<Name>".
	Name        string
	NATSURL     string
	MetricsAddr string
	// LeaderElect makes only one of several copies work at a time.
	LeaderElect   bool
	LeaseDuration time.Duration
}

// Env is what the work function gets.
type Env struct {
	*connect.Handles
	// Metrics is a registry for this leadership term: work registers its
	// metrics afresh each time it runs, without clashing with the last term.
	Metrics *prometheus.Registry
	// SetReady marks the service ready (informers synced) for /readyz.
	SetReady func(error)
}

// Run connects, serves ops and calls work (while leading, if LeaderElect)
// until ctx ends. work must return when its ctx ends.
func Run(ctx context.Context, cfg Config, work func(ctx context.Context, env Env) error) error {
	if cfg.Name == "" {
		return errors.New("service: Name is required")
	}
	h, err := connect.Open(ctx, cfg.NATSURL, cfg.Name)
	if err != nil {
		return err
	}
	defer h.Close()
	r := &readiness{err: errors.New("starting")}
	metrics := &termGatherer{base: ops.NewRegistry()}
	env := Env{Handles: h, Metrics: metrics.base, SetReady: r.set}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = ops.Serve(ctx, ops.Config{Addr: cfg.MetricsAddr, Gatherer: metrics, Ready: r.get})
	}()
	defer wg.Wait()
	if !cfg.LeaderElect {
		return work(ctx, env)
	}
	err = leaderelection.Run(ctx, leaderelection.Config{Client: h.Client, Name: "kubus-" + cfg.Name, Identity: identity(), LeaseDuration: cfg.LeaseDuration},
		func(ctx context.Context) {
			term := env
			term.Metrics = metrics.newTerm() // each term registers its metrics afresh
			defer metrics.endTerm()          // a standby serves no stale gauges
			if err := work(ctx, term); err != nil && ctx.Err() == nil {
				// The term ends; the next one (usually here, as the lease is
				// still ours) starts from the bucket.
				logging.From(ctx).Error("leadership term failed", zap.String("service", cfg.Name), zap.Error(err))
				pause(ctx, termRetryWait) // a lasting fault must not spin
			}
		})
	return err
}

// termRetryWait is how long a failed term holds on before it ends.
const termRetryWait = time.Second

func pause(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// identity is unique per process: host name plus a random suffix.
func identity() string {
	host, _ := os.Hostname()
	return host + "_" + rand.String(8)
}

type readiness struct {
	mu  sync.Mutex
	err error
}

func (r *readiness) set(err error) { r.mu.Lock(); r.err = err; r.mu.Unlock() }
func (r *readiness) get() error    { r.mu.Lock(); defer r.mu.Unlock(); return r.err }

// termGatherer serves the process's metrics and those of the current
// leadership term.
type termGatherer struct {
	base *prometheus.Registry
	mu   sync.Mutex
	term *prometheus.Registry
}

func (g *termGatherer) newTerm() *prometheus.Registry {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.term = prometheus.NewRegistry()
	return g.term
}

func (g *termGatherer) endTerm() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.term = nil
}

func (g *termGatherer) Gather() ([]*dto.MetricFamily, error) {
	g.mu.Lock()
	gs := prometheus.Gatherers{g.base}
	if g.term != nil {
		gs = append(gs, g.term)
	}
	g.mu.Unlock()
	return gs.Gather()
}
