// Package apiservertest runs a real apiserver in process over a real
// in-process JetStream, for tests of the services that talk to it.
package apiservertest

import (
	"context"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/services/apiserver"
)

// Cluster is a running apiserver and the handles a service needs.
type Cluster struct {
	Bus *bustest.Bus
	// KV is the object bucket, for informers.
	KV *bus.Store
	// Client writes through the apiserver over the bus.
	Client *client.Client
	// URL and Kubeconfig reach the apiserver over HTTPS.
	URL, Kubeconfig string
}

// Start runs an apiserver until the test ends.
func Start(t testing.TB) *Cluster {
	t.Helper()
	b := bustest.New(t)
	cfg := apiserver.Config{DataDir: t.TempDir(), Addr: "127.0.0.1:0", NATSURL: b.URL, Bucket: "kubus", History: 64}
	ready := make(chan string, 1)
	cfg.Ready = ready
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- apiserver.Run(ctx, cfg) }()
	t.Cleanup(func() { cancel(); <-done })
	c := &Cluster{Bus: b, Kubeconfig: cfg.KubeconfigPath()}
	select {
	case c.URL = <-ready:
	case err := <-done:
		t.Fatalf("apiserver: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("apiserver did not start")
	}
	kv, err := b.Conn.OpenKV(t.Context(), cfg.Bucket)
	if err != nil {
		t.Fatal(err)
	}
	c.KV = kv
	if c.Client, err = client.New(client.Config{Bus: b.Conn, User: t.Name()}); err != nil {
		t.Fatal(err)
	}
	return c
}

// Eventually polls cond until it holds, failing the test after 30 seconds.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
