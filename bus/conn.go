package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Defaults for ConnConfig fields left zero.
const (
	DefaultTimeout       = 5 * time.Second
	DefaultReconnectWait = time.Second
)

// ConnConfig says how to reach NATS.
type ConnConfig struct {
	// URL of the server(s), comma separated, e.g. nats://127.0.0.1:4222.
	URL string
	// Name identifies this client in the server's monitoring.
	Name string
	// Timeout bounds dialling and every call whose ctx has no deadline.
	Timeout time.Duration
	// ReconnectWait is the pause between reconnect attempts; the
	// connection never gives up, so services ride out bus restarts.
	ReconnectWait time.Duration
}

// Conn is one connection to NATS, shared by every store, watch and RPC.
type Conn struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	log     *zap.Logger
	timeout time.Duration
}

func (c *ConnConfig) setDefaults() error {
	if c.URL == "" {
		return errors.New("bus: ConnConfig.URL is required")
	}
	if c.Timeout < 0 || c.ReconnectWait < 0 {
		return errors.New("bus: ConnConfig durations must not be negative")
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.ReconnectWait == 0 {
		c.ReconnectWait = DefaultReconnectWait
	}
	return nil
}

// Connect dials NATS, retrying every ReconnectWait until it succeeds or
// ctx ends, so a service may start before the bus does. The logger in ctx
// receives connection events for the life of the Conn.
func Connect(ctx context.Context, cfg ConnConfig) (*Conn, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	log := logging.From(ctx).With(zap.String("component", "bus"), zap.String("url", cfg.URL))
	for {
		nc, err := nats.Connect(cfg.URL, options(cfg, log)...)
		if err == nil {
			return newConn(nc, cfg, log)
		}
		log.Warn("bus connect failed, retrying", zap.Error(err))
		if !pause(ctx, cfg.ReconnectWait) {
			return nil, fmt.Errorf("bus: connect %s: %w: %w", cfg.URL, ErrUnavailable, err)
		}
	}
}

func newConn(nc *nats.Conn, cfg ConnConfig, log *zap.Logger) (*Conn, error) {
	js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(cfg.Timeout))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("bus: jetstream: %w", err)
	}
	log.Info("bus connected", zap.String("server", nc.ConnectedUrlRedacted()))
	return &Conn{nc: nc, js: js, log: log, timeout: cfg.Timeout}, nil
}

// options keeps the connection alive forever and makes calls fail fast
// while disconnected instead of queueing them for an unknown later.
func options(cfg ConnConfig, log *zap.Logger) []nats.Option {
	return []nats.Option{
		nats.Name(cfg.Name),
		nats.Timeout(cfg.Timeout),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(cfg.ReconnectWait),
		nats.ReconnectBufSize(-1),
		nats.PingInterval(10 * time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			log.Warn("bus disconnected", zap.Error(err))
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("bus reconnected", zap.String("server", nc.ConnectedUrlRedacted()))
		}),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
			log.Error("bus async error", zap.Error(err))
		}),
	}
}

// Close drops the connection; streams and servers using it end.
func (c *Conn) Close() {
	c.nc.Close()
}

// MaxPayload is the largest message the server accepts: a request or a
// reply must fit in it.
func (c *Conn) MaxPayload() int64 {
	return c.nc.MaxPayload()
}
