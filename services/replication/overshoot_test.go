package replication_test

import (
	"sync"
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

// podCounter counts a namespace's pods at every change and keeps the peak.
type podCounter struct {
	mu         sync.Mutex
	live, peak int
}

func (c *podCounter) on(t watch.EventType, _, _ runtime.Object) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch t {
	case watch.Added:
		c.live++
	case watch.Deleted:
		c.live--
	}
	c.peak = max(c.peak, c.live)
}

func (c *podCounter) get() (live, peak int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live, c.peak
}

func testNoOvershoot(t *testing.T, e *env) {
	ns := e.namespace(t, "overshoot")
	var count podCounter
	e.informer(t, podsRes, ns, count.on)
	if _, err := e.Client.Create(t.Context(), replicaSet(ns, "web", 300)); err != nil {
		t.Fatal(err)
	}
	eventually(t, "300 pods", func() (bool, string) {
		live, _ := count.get()
		return live == 300, ""
	})
	if _, peak := count.get(); peak != 300 {
		t.Fatalf("%d pods at the peak for 300 replicas: creates in flight were made twice", peak)
	}
}
