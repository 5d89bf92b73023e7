package bus_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

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
