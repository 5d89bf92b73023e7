package controller

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"k8s.io/client-go/util/workqueue"
)

func run(t *testing.T, r Reconciler) *Controller {
	t.Helper()
	c, err := New(Config{Name: "test", Reconciler: r, RateLimiter: workqueue.NewTypedItemExponentialFailureRateLimiter[Request](time.Millisecond, 10*time.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return c
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestFailuresAreRetriedUntilSuccess(t *testing.T) {
	var calls atomic.Int32
	c := run(t, Func(func(context.Context, Request) (Result, error) {
		if calls.Add(1) < 3 {
			return Result{}, errors.New("not yet")
		}
		return Result{}, nil
	}))
	c.Enqueue(Request{Name: "a"})
	eventually(t, "third attempt", func() bool { return calls.Load() == 3 })
	time.Sleep(30 * time.Millisecond) // longer than the retry delay: a fourth call would show
	if n := calls.Load(); n != 3 {
		t.Fatalf("reconciled %d times after success, want 3", n)
	}
}

func TestPanicIsRetriedNotFatal(t *testing.T) {
	var calls atomic.Int32
	c := run(t, Func(func(context.Context, Request) (Result, error) {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return Result{}, nil
	}))
	c.Enqueue(Request{Name: "a"})
	eventually(t, "retry after panic", func() bool { return calls.Load() == 2 })
}

func TestOneRequestNeverRunsTwiceAtOnce(t *testing.T) {
	var mu sync.Mutex
	running := map[Request]bool{}
	var overlap atomic.Bool
	var total atomic.Int32
	c := run(t, Func(func(_ context.Context, req Request) (Result, error) {
		mu.Lock()
		if running[req] {
			overlap.Store(true)
		}
		running[req] = true
		mu.Unlock()
		time.Sleep(time.Millisecond)
		mu.Lock()
		running[req] = false
		mu.Unlock()
		total.Add(1)
		return Result{}, nil
	}))
	for i := range 200 {
		c.Enqueue(Request{Name: []string{"a", "b"}[i%2]})
	}
	eventually(t, "queue drained", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return c.queue.Len() == 0 && !running[Request{Name: "a"}] && !running[Request{Name: "b"}] && total.Load() >= 2
	})
	if overlap.Load() {
		t.Fatal("the same request was reconciled by two workers at once")
	}
	if total.Load() == 0 || total.Load() >= 200 {
		t.Fatalf("%d reconciles for 200 enqueues of 2 keys: duplicates should collapse", total.Load())
	}
}

func TestRequeueAfter(t *testing.T) {
	var calls atomic.Int32
	c := run(t, Func(func(context.Context, Request) (Result, error) {
		if calls.Add(1) == 1 {
			return Result{RequeueAfter: 20 * time.Millisecond}, nil
		}
		return Result{}, nil
	}))
	start := time.Now()
	c.Enqueue(Request{Name: "a"})
	eventually(t, "requeued call", func() bool { return calls.Load() == 2 })
	if time.Since(start) < 20*time.Millisecond {
		t.Fatal("requeued before RequeueAfter")
	}
}
