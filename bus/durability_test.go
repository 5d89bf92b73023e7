package bus_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// reachable waits until kv answers again after a restart.
func reachable(t *testing.T, kv *bus.Store) uint64 {
	t.Helper()
	var rev uint64
	eventually(t, "the bus to come back", func() bool {
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()
		r, err := kv.Revision(ctx)
		rev = r
		return err == nil
	})
	return rev
}

func TestRestartKeepsAcknowledgedWrites(t *testing.T) {
	cases := []struct {
		name string
		stop func(b *bustest.Bus)
	}{
		{"clean shutdown", (*bustest.Bus).Stop},
		{"crash", (*bustest.Bus).Crash},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := bustest.New(t)
			kv := b.KV("durable")
			history := write(t, kv, 50)
			tc.stop(b)
			b.Start()
			if rev := reachable(t, kv); rev != history[len(history)-1].Revision {
				t.Fatalf("revision after restart %d, want %d", rev, history[len(history)-1].Revision)
			}
			want := latest(history, "")
			got, _, err := kv.List(t.Context(), "")
			if err != nil || len(got) != len(want) {
				t.Fatalf("List after restart = %+v, %v; want %+v", got, err, want)
			}
			for _, e := range got {
				if !sameEntry(e, want[e.Key]) {
					t.Fatalf("after restart %+v, want %+v", e, want[e.Key])
				}
			}
			// Writes carry on from where they were.
			e := got[0]
			if _, err := kv.Update(t.Context(), e.Key, []byte("after"), e.Revision); err != nil {
				t.Fatalf("Update after restart: %v", err)
			}
		})
	}
}

// TestWatchAcrossRestart checks a running Watch neither loses nor repeats
// changes when the server restarts under it.
func TestWatchAcrossRestart(t *testing.T) {
	b := bustest.New(t)
	kv := b.KV("watchrestart")
	ch, err := kv.Watch(t.Context(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	before := write(t, kv, 10)
	b.Restart()
	reachable(t, kv)
	after := write(t, kv, 10)
	for _, want := range append(before, after...) {
		if got := recvChange(t, ch); !sameEntry(got, want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	}
}

// TestStreamsEndWithContext cancels streams while the server is down:
// their channels must still close, so no goroutine is left behind.
func TestStreamsEndWithContext(t *testing.T) {
	b := bustest.New(t)
	kv := b.KV("ending")
	mustCreate(t, kv, "pods.a", "v")
	ctx, cancel := context.WithCancel(t.Context())
	follow, err := kv.Follow(ctx, "pods")
	if err != nil {
		t.Fatal(err)
	}
	untilSynced(t, follow)
	watch, err := kv.Watch(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	recvChange(t, watch)
	b.Stop()
	cancel()
	for name, ch := range map[string]<-chan bus.Event{"follow": follow, "watch": watch} {
		select {
		case ev, ok := <-ch:
			if ok {
				t.Fatalf("%s: unexpected %+v after cancel", name, ev)
			}
		case <-time.After(waitLimit):
			t.Fatalf("%s: channel not closed after cancel", name)
		}
	}
}

// TestFollowAcrossRestartMidSnapshot restarts the server while a
// snapshot is half read: the snapshot must still end complete, with no
// key going back in time.
func TestFollowAcrossRestartMidSnapshot(t *testing.T) {
	b := bustest.New(t)
	kv := b.KV("midsnap")
	want := map[string]bus.Entry{}
	var head uint64
	for i := range 1200 { // more than the client buffers, so some is unread
		key := fmt.Sprintf("pods.ns.p%d", i)
		head = mustCreate(t, kv, key, "0")
		want[key] = bus.Entry{Key: key, Value: []byte("0"), Revision: head}
	}
	for i := 0; i < 1200; i += 7 {
		key := fmt.Sprintf("pods.ns.p%d", i)
		head = mustUpdate(t, kv, key, "1", want[key].Revision)
		want[key] = bus.Entry{Key: key, Value: []byte("1"), Revision: head}
	}
	ch, err := kv.Follow(t.Context(), "pods")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bus.Entry{}
	for range 10 {
		e := recvChange(t, ch)
		got[e.Key] = e
	}
	b.Restart()
	rest, rev := untilSynced(t, ch)
	for _, e := range rest {
		if old, ok := got[e.Key]; ok && old.Revision >= e.Revision {
			t.Fatalf("%s went from revision %d to %d", e.Key, old.Revision, e.Revision)
		}
		got[e.Key] = e
	}
	if len(got) != len(want) || rev != head {
		t.Fatalf("snapshot has %d keys at %d, want %d at %d", len(got), rev, len(want), head)
	}
	for k, e := range got {
		if !sameEntry(e, want[k]) {
			t.Fatalf("snapshot %+v, want %+v", e, want[k])
		}
	}
}
