// Package embedded runs a NATS server with JetStream inside the calling
// process, for single-binary deployments and tests.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"go.uber.org/zap/zapcore"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Defaults for Config fields left zero.
const (
	DefaultAddr = "127.0.0.1:4222"
	// DefaultMaxPayload lets single objects and RPC replies reach 8 MiB,
	// where a stock server stops at 1 MiB.
	DefaultMaxPayload = 8 << 20
	startTimeout      = 10 * time.Second
)

// Config describes the embedded server.
type Config struct {
	// Addr is host:port to listen on for clients; port 0 picks a free one.
	Addr string
	// DataDir holds JetStream's files, in DataDir/jetstream. Required.
	DataDir string
	// MaxPayload is the largest message in bytes (default 8 MiB).
	MaxPayload int32
	// SyncAlways fsyncs every write. Without it writes reach the OS at
	// once (they survive the process dying) and the disk every 2 minutes.
	SyncAlways bool
}

// Server is a running embedded NATS server.
type Server struct {
	ns *server.Server
}

func (c *Config) options() (*server.Options, error) {
	if c.DataDir == "" {
		return nil, errors.New("embedded: Config.DataDir is required")
	}
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxPayload == 0 {
		c.MaxPayload = DefaultMaxPayload
	}
	host, portText, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return nil, fmt.Errorf("embedded: Config.Addr %q: %w", c.Addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("embedded: Config.Addr %q: bad port", c.Addr)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	return &server.Options{
		ServerName:             "kubus-embedded",
		Host:                   host,
		Port:                   port,
		MaxPayload:             c.MaxPayload,
		JetStream:              true,
		StoreDir:               filepath.Clean(c.DataDir),
		SyncAlways:             c.SyncAlways,
		NoSigs:                 true,
		DisableJetStreamBanner: true,
	}, nil
}

// Start runs the server and returns once it accepts clients with
// JetStream ready. Its log goes to the zap logger in ctx, notices only at
// debug level.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	opts, err := cfg.options()
	if err != nil {
		return nil, err
	}
	ns, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded: %w", err)
	}
	log := logging.From(ctx)
	ns.SetLogger(zapLogger{log}, log.Core().Enabled(zapcore.DebugLevel), false)
	ns.Start()
	if !ns.ReadyForConnections(readyTimeout(ctx)) || !ns.JetStreamEnabled() {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, fmt.Errorf("embedded: server on %s not ready", cfg.Addr)
	}
	return &Server{ns: ns}, nil
}

func readyTimeout(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		return time.Until(d)
	}
	return startTimeout
}

// ClientURL is the URL clients connect to, with the port actually used.
func (s *Server) ClientURL() string {
	return s.ns.ClientURL()
}

// Addr is the host:port the server listens on.
func (s *Server) Addr() string {
	return s.ns.Addr().String()
}

// Shutdown stops the server and waits until it has.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}
