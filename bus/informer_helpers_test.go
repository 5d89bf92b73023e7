package bus_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
)

// counting wraps a Store and counts how streams are opened.
type counting struct {
	*bus.Store
	follows, watches atomic.Int32
}

func (c *counting) Follow(ctx context.Context, prefix string) (<-chan bus.Event, error) {
	c.follows.Add(1)
	return c.Store.Follow(ctx, prefix)
}

func (c *counting) Watch(ctx context.Context, prefix string, from uint64) (<-chan bus.Event, error) {
	c.watches.Add(1)
	return c.Store.Watch(ctx, prefix, from)
}

// call is one handler call as recorded.
type call struct {
	entry bus.Entry
	prev  *bus.Entry
}

// recorder collects handler calls.
type recorder struct {
	mu    sync.Mutex
	calls []call
}

func (r *recorder) handle(ev bus.Event, prev *bus.Entry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, call{ev.Entry, prev})
}

func (r *recorder) snapshot() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

// wait returns the calls once there are at least n: the handler runs
// just after the cache moves, so it may trail WaitForRevision.
func (r *recorder) wait(t *testing.T, n int) []call {
	t.Helper()
	eventually(t, "handler calls", func() bool { return len(r.snapshot()) >= n })
	return r.snapshot()
}

// startInformer runs an informer over src until the test ends.
func startInformer(t *testing.T, src bus.Watcher, prefix string) (*bus.Informer, *recorder) {
	t.Helper()
	rec := &recorder{}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: src, Prefix: prefix, Handler: rec.handle, RetryWait: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error)
	go func() { done <- inf.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	if err := inf.WaitSynced(waitCtx(t)); err != nil {
		t.Fatal(err)
	}
	entries, _ := inf.List("")
	rec.wait(t, len(entries)) // one put per key listed
	return inf, rec
}

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), waitLimit)
	t.Cleanup(cancel)
	return ctx
}

func waitRev(t *testing.T, inf *bus.Informer, rev uint64) {
	t.Helper()
	if err := inf.WaitForRevision(waitCtx(t), rev); err != nil {
		t.Fatal(err)
	}
}

// checkCalls compares handler calls with the entries expected, and each
// call's prev with the key's entry before it.
func checkCalls(t *testing.T, got []call, want []bus.Entry, before map[string]bus.Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("handler got %d calls %+v, want %d: %+v", len(got), got, len(want), want)
	}
	for i, c := range got {
		prev, had := before[want[i].Key]
		if !sameEntry(c.entry, want[i]) || (c.prev != nil) != had || (had && !sameEntry(*c.prev, prev)) {
			t.Fatalf("call %d = %+v prev %+v, want %+v prev %+v", i, c.entry, c.prev, want[i], prev)
		}
		before[want[i].Key] = want[i]
		if want[i].Op == bus.OpDelete {
			delete(before, want[i].Key)
		}
	}
}
