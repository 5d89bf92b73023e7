package bus_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
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

func TestInformerSnapshotThenChanges(t *testing.T) {
	kv := bustest.New(t).KV("inf")
	history := write(t, kv, 20)
	inf, rec := startInformer(t, kv, "pods")
	snap := latest(history, "pods")
	if got, rev := inf.List(""); len(got) != len(snap) || rev != history[len(history)-1].Revision {
		t.Fatalf("after sync List = %+v at %d, want %+v at %d", got, rev, snap, history[len(history)-1].Revision)
	}
	initial := len(rec.snapshot())
	more := write(t, kv, 15)
	waitRev(t, inf, more[len(more)-1].Revision)
	var want []bus.Entry
	for _, e := range more {
		if under(e.Key, "pods") {
			want = append(want, e)
		}
	}
	checkCalls(t, rec.wait(t, initial+len(want))[initial:], want, snap)
	for k, e := range latest(append(history, more...), "pods") {
		if got, ok := inf.Get(k); !ok || !sameEntry(got, e) {
			t.Fatalf("Get(%s) = %+v, %v; want %+v", k, got, ok, e)
		}
	}
}

// TestInformerWaitForRevisionElsewhere waits for a revision written
// outside the informer's prefix: it must not hang.
func TestInformerWaitForRevisionElsewhere(t *testing.T) {
	kv := bustest.New(t).KV("progress")
	mustCreate(t, kv, "pods.a", "v")
	inf, _ := startInformer(t, kv, "pods")
	rev := mustCreate(t, kv, "nodes.n1", "v")
	waitRev(t, inf, rev)
	if inf.Revision() < rev {
		t.Fatalf("Revision %d, want >= %d", inf.Revision(), rev)
	}
}

func TestInformerAcrossRestartWithoutRelist(t *testing.T) {
	b := bustest.New(t)
	kv := b.KV("infrestart")
	src := &counting{Store: kv}
	history := write(t, kv, 12)
	inf, rec := startInformer(t, src, "")
	initial := len(rec.snapshot())
	before := write(t, kv, 6)
	b.Stop()
	eventually(t, "the client to notice", func() bool {
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()
		_, err := kv.Revision(ctx)
		return errors.Is(err, bus.ErrUnavailable)
	})
	b.Start()
	reachable(t, kv)
	after := write(t, kv, 6)
	waitRev(t, inf, after[len(after)-1].Revision)
	checkCalls(t, rec.wait(t, initial+len(before)+len(after))[initial:], append(before, after...), latest(history, ""))
	if f, w := src.follows.Load(), src.watches.Load(); f != 1 || w != 0 {
		t.Fatalf("streams opened: %d follows, %d watches; want the first follow only", f, w)
	}
}
