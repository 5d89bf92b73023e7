// Package bustest gives tests a real NATS server with JetStream, running
// in-process on a random local port with its data in t.TempDir(), and a
// bus.Conn to it. The server can be stopped, crashed and started again on
// the same port and data to exercise outages and durability.
package bustest

import (
	"os"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/embedded"
)

// Bus is a test server and a connection to it, both closed at cleanup.
type Bus struct {
	// Conn reconnects by itself after Stop and Start.
	Conn *bus.Conn
	// URL is the server's client URL; it stays the same across restarts.
	URL string

	t      testing.TB
	cfg    embedded.Config
	server *embedded.Server
}

// New starts a server and connects to it.
func New(t testing.TB) *Bus {
	t.Helper()
	b := &Bus{t: t, cfg: embedded.Config{Addr: "127.0.0.1:0", DataDir: t.TempDir()}}
	b.Start()
	t.Cleanup(b.Stop)
	// Restarts must come back where clients look for them.
	b.cfg.Addr = b.server.Addr()
	b.URL = b.server.ClientURL()
	conn, err := bus.Connect(t.Context(), bus.ConnConfig{
		URL: b.URL, Name: t.Name(), Timeout: 5 * time.Second, ReconnectWait: 50 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("bustest: connect: %v", err)
	}
	t.Cleanup(conn.Close) // runs before Stop
	b.Conn = conn
	return b
}

// KV opens (creating) bucket with default settings.
func (b *Bus) KV(bucket string) *bus.Store {
	b.t.Helper()
	return b.KVWith(bus.KVConfig{Bucket: bucket})
}

// KVWith opens (creating) a bucket described by cfg.
func (b *Bus) KVWith(cfg bus.KVConfig) *bus.Store {
	b.t.Helper()
	kv, err := b.Conn.KV(b.t.Context(), cfg)
	if err != nil {
		b.t.Fatalf("bustest: open bucket %s: %v", cfg.Bucket, err)
	}
	return kv
}

// Start starts the server, again on the same port and data after Stop.
func (b *Bus) Start() {
	b.t.Helper()
	s, err := embedded.Start(b.t.Context(), b.cfg)
	if err != nil {
		b.t.Fatalf("bustest: start server: %v", err)
	}
	b.server = s
}

// Stop shuts the server down cleanly; it is a no-op if already stopped.
func (b *Bus) Stop() {
	if b.server != nil {
		b.server.Shutdown()
		b.server = nil
	}
}

// Restart stops the server and starts it again.
func (b *Bus) Restart() {
	b.t.Helper()
	b.Stop()
	b.Start()
}

// Crash stops the server as if its process had been killed: the data a
// later Start sees is a copy of the files taken while the server ran,
// so nothing written at shutdown is kept.
func (b *Bus) Crash() {
	b.t.Helper()
	snapshot := b.t.TempDir()
	if err := os.CopyFS(snapshot, os.DirFS(b.cfg.DataDir)); err != nil {
		b.t.Fatalf("bustest: copy data: %v", err)
	}
	b.Stop()
	b.cfg.DataDir = snapshot
}
