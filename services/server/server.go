// Package server runs the whole kubus control plane in one process with
// NATS embedded: the default way to start a cluster.
package server

import (
	"context"
	"errors"
	"path/filepath"
	"sync"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus/embedded"
	"github.com/kubus-dev/kubus/internal/connect"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/services/apiserver"
)

// Config configures kubus server.
type Config struct {
	// APIServer configures the embedded apiserver; its NATSURL is filled in
	// when NATS is embedded.
	APIServer apiserver.Config
	// NATSAddr is where the embedded NATS listens (host:port).
	NATSAddr string
	// NATSURL, if set, uses an external NATS and embeds none.
	NATSURL string
	// Components are the services run beside the apiserver, each against
	// the same bus as if it were its own process.
	Components []Component
}

// Component is one service run inside kubus server.
type Component struct {
	Name string
	Run  func(ctx context.Context, natsURL string) error
}

// Run starts NATS (unless external), the apiserver and the components,
// until ctx ends or one of them fails.
func Run(ctx context.Context, cfg Config) error {
	if cfg.APIServer.DataDir == "" {
		return errors.New("server: --data-dir is required")
	}
	if cfg.NATSAddr == "" {
		cfg.NATSAddr = "127.0.0.1:4222"
	}
	cfg.APIServer.NATSURL = cfg.NATSURL
	if cfg.NATSURL == "" {
		ns, err := embedded.Start(ctx, embedded.Config{Addr: cfg.NATSAddr, DataDir: filepath.Join(cfg.APIServer.DataDir, "nats")})
		if err != nil {
			return err
		}
		defer ns.Shutdown()
		cfg.APIServer.NATSURL = ns.ClientURL()
		logging.From(ctx).Info("embedded nats started", zap.String("url", ns.ClientURL()))
	}
	return runAll(ctx, cfg)
}

// runAll runs the apiserver and every component; the first to fail stops
// the others.
func runAll(ctx context.Context, cfg Config) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The components share one bus connection and one cache of decoded
	// objects: each change is received and decoded once, not once each.
	ctx, pool := connect.WithPool(ctx)
	defer pool.Close()
	var wg sync.WaitGroup
	errs := make([]error, len(cfg.Components)+1)
	start := func(i int, name string, run func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer cancel()
			if err := run(logging.With(ctx, zap.String("component", name))); err != nil && ctx.Err() == nil {
				errs[i] = errors.New(name + ": " + err.Error())
			}
		}()
	}
	start(0, "apiserver", func(ctx context.Context) error { return apiserver.Run(ctx, cfg.APIServer) })
	for i, c := range cfg.Components {
		start(i+1, c.Name, func(ctx context.Context) error { return c.Run(ctx, cfg.APIServer.NATSURL) })
	}
	wg.Wait()
	return errors.Join(errs...)
}
