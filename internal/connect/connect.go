// Package connect opens what every kubus service but the apiserver needs:
// the bus, the object bucket (read-only, for informers), a cache of
// decoded objects and the API client.
package connect

import (
	"context"
	"errors"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/client"
)

// Bucket is the KV bucket the apiserver keeps objects in.
const Bucket = "kubus"

// Handles are a service's connections; Close releases them.
type Handles struct {
	Conn *bus.Conn
	KV   *bus.Store
	// Cache holds decoded objects for informers, shared with the other
	// services of the process when they run in one (see WithPool).
	Cache  *client.Cache
	Client *client.Client
	close  func()
}

// Open connects to natsURL as service name and waits for the bucket.
// Inside a Pool (see WithPool) it shares the pool's connection and cache.
func Open(ctx context.Context, natsURL, name string) (*Handles, error) {
	if natsURL == "" {
		return nil, errors.New("--nats is required")
	}
	if p := poolFrom(ctx); p != nil {
		return p.open(ctx, natsURL, name)
	}
	h, err := dial(ctx, natsURL, "kubus-"+name)
	if err != nil {
		return nil, err
	}
	h.Client, err = client.New(client.Config{Bus: h.Conn, User: "system:kubus:" + name})
	if err != nil {
		h.Close()
		return nil, err
	}
	return h, nil
}

// dial opens a connection, the bucket and a cache over it.
func dial(ctx context.Context, natsURL, connName string) (*Handles, error) {
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: natsURL, Name: connName})
	if err != nil {
		return nil, err
	}
	kv, err := conn.OpenKV(ctx, Bucket)
	if err != nil {
		conn.Close()
		return nil, err
	}
	cache, err := client.NewCache(kv)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Handles{Conn: conn, KV: kv, Cache: cache, close: conn.Close}, nil
}

// Close releases the connection (a pooled one stays open for the pool).
func (h *Handles) Close() {
	if h.close != nil {
		h.close()
	}
}
