package leaderelection

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestFailover runs two candidates against a real apiserver: one leads at
// a time, and when the leader dies without letting go, the other takes
// over once the lease expires.
func TestFailover(t *testing.T) {
	c := apiservertest.Start(t)
	var leaders, maxLeaders atomic.Int32
	var current atomic.Value
	candidate := func(ctx context.Context, id string) {
		cfg := Config{Client: c.Client, Name: "test", Identity: id, LeaseDuration: time.Second, RenewDeadline: 600 * time.Millisecond, RetryPeriod: 100 * time.Millisecond}
		_ = Run(ctx, cfg, func(ctx context.Context) {
			n := leaders.Add(1)
			if n > maxLeaders.Load() {
				maxLeaders.Store(n)
			}
			current.Store(id)
			<-ctx.Done()
			leaders.Add(-1)
		})
	}
	ctxA, killA := context.WithCancel(t.Context())
	ctxB, stopB := context.WithCancel(t.Context())
	defer stopB()
	go candidate(ctxA, "a")
	waitFor(t, "a to lead", func() bool { return current.Load() == "a" })
	go candidate(ctxB, "b")
	time.Sleep(1500 * time.Millisecond) // longer than the lease: b must still wait, a renews
	if current.Load() != "a" {
		t.Fatalf("leader changed while a was renewing: %v", current.Load())
	}
	killA() // a stops renewing, as after kill -9
	waitFor(t, "b to take over", func() bool { return current.Load() == "b" })
	if maxLeaders.Load() > 1 {
		t.Fatal("two candidates led at the same time")
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
