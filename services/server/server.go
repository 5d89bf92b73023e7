// Package server runs the whole kubus control plane in one process with
// NATS embedded: the default way to start a cluster.
package server

import (
	"context"
	"errors"
	"path/filepath"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus/embedded"
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
}

// Run starts NATS (unless external) and the control plane, until ctx ends.
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
	return apiserver.Run(ctx, cfg.APIServer)
}
