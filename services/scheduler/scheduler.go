// Package scheduler is the kubus scheduler service: it keeps a snapshot of
// nodes and bound pods from the bus, decides where each pending pod runs
// with the pure core package, and binds it through the apiserver.
package scheduler

import (
	"context"
	"errors"
	"time"

	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
)

// Name is the schedulerName this scheduler serves (and empty).
const Name = "default-scheduler"

// Config configures the scheduler.
type Config struct {
	NATSURL, MetricsAddr string
	LeaderElect          bool
	LeaseDuration        time.Duration
	// BindWorkers is how many bindings are in flight at once.
	BindWorkers int
	// PercentageOfNodesToScore bounds the node search (0: adaptive).
	PercentageOfNodesToScore int
	// RetryUnschedulable is the longest an unschedulable pod waits before
	// it is tried again even if nothing in the cluster changed.
	RetryUnschedulable time.Duration
	Clock              func() time.Time
}

func (c *Config) validate() error {
	if c.NATSURL == "" {
		return errors.New("scheduler: --nats is required")
	}
	if c.BindWorkers <= 0 {
		c.BindWorkers = 32
	}
	if c.RetryUnschedulable <= 0 {
		c.RetryUnschedulable = time.Minute
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}

var (
	nodesRes, _    = resources.Lookup("", "v1", "nodes")
	podsRes, _     = resources.Lookup("", "v1", "pods")
	servicesRes, _ = resources.Lookup("", "v1", "services")
)

// Run schedules until ctx ends; with LeaderElect only while leading.
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	return service.Run(ctx, service.Config{Name: "scheduler", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration}, func(ctx context.Context, env service.Env) error {
		s, err := newScheduler(cfg, env)
		if err != nil {
			return err
		}
		return s.run(ctx)
	})
}
