package replication

import (
	"context"
	"errors"
	"sync/atomic"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/connect"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/internal/ops"
	"github.com/kubus-dev/kubus/leaderelection"
)

// Run serves until ctx ends: the ops endpoint always, the controllers
// while this copy leads. All state is rebuilt from informers each time it
// starts leading, so it is safe to kill at any moment.
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	h, err := connect.Open(ctx, cfg.NATSURL, "replication-controller")
	if err != nil {
		return err
	}
	defer h.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reg := ops.NewRegistry()
	metrics := controller.NewMetrics(reg)
	var syncing atomic.Bool
	opsDone := make(chan error, 1)
	go func() {
		opsDone <- ops.Serve(ctx, ops.Config{Addr: cfg.MetricsAddr, Registry: reg, Ready: func() error {
			if syncing.Load() {
				return errors.New("informers not synced yet")
			}
			return nil
		}})
		cancel() // without its endpoint the service is not operable
	}()
	lead := func(ctx context.Context) {
		if err := runControllers(ctx, cfg, h, metrics, &syncing); err != nil && ctx.Err() == nil {
			logging.From(ctx).Error("controllers stopped", zap.Error(err))
		}
	}
	if err := campaign(ctx, cfg, h, lead); err != nil {
		return err
	}
	cancel()
	return <-opsDone
}

// campaign runs lead while this copy holds the Lease, or always without
// leader election.
func campaign(ctx context.Context, cfg Config, h *connect.Handles, lead func(context.Context)) error {
	if !cfg.LeaderElect {
		lead(ctx)
		return nil
	}
	return leaderelection.Run(ctx, leaderelection.Config{
		Client: h.Client, Name: LeaseName, Identity: cfg.Identity, LeaseDuration: cfg.LeaseDuration,
		RenewDeadline: cfg.RenewDeadline, RetryPeriod: cfg.RetryPeriod, Clock: cfg.Clock,
	}, lead)
}
