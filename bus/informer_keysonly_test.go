package bus_test

import (
	"context"
	"sync"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// TestInformerKeysOnly checks a KeysOnly informer hands values to its
// handler but keeps only keys and revisions itself.
func TestInformerKeysOnly(t *testing.T) {
	kv := bustest.New(t).KV("keys")
	rev := mustCreate(t, kv, "pods.ns.a", "snapshot")
	var mu sync.Mutex
	seen := map[string]string{}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: kv, Prefix: "pods", KeysOnly: true, Handler: func(ev bus.Event, _ *bus.Entry) {
		mu.Lock()
		seen[ev.Entry.Key] = string(ev.Entry.Value)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = inf.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if err := inf.WaitSynced(t.Context()); err != nil {
		t.Fatal(err)
	}
	live := mustUpdate(t, kv, "pods.ns.a", "live", rev)
	if err := inf.WaitForRevision(t.Context(), live); err != nil {
		t.Fatal(err)
	}
	e, ok := inf.Get("pods.ns.a")
	if !ok || e.Revision != live || e.Value != nil {
		t.Fatalf("cached entry %+v %v: want revision %d and no value", e, ok, live)
	}
	eventually(t, "the handler saw the live value", func() bool { mu.Lock(); defer mu.Unlock(); return seen["pods.ns.a"] == "live" })
}
