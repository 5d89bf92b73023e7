// Package connect opens what every kubus service but the apiserver needs:
// the bus, the object bucket (read-only, for informers) and the API client.
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
	Conn   *bus.Conn
	KV     *bus.Store
	Client *client.Client
}

// Open connects to natsURL as service name and waits for the bucket.
func Open(ctx context.Context, natsURL, name string) (*Handles, error) {
	if natsURL == "" {
		return nil, errors.New("--nats is required")
	}
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: natsURL, Name: "kubus-" + name})
	if err != nil {
		return nil, err
	}
	kv, err := conn.OpenKV(ctx, Bucket)
	if err != nil {
		conn.Close()
		return nil, err
	}
	c, err := client.New(client.Config{Bus: conn, User: "system:kubus:" + name})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Handles{Conn: conn, KV: kv, Client: c}, nil
}

// Close closes the bus connection.
func (h *Handles) Close() { h.Conn.Close() }
