package bus_test

import (
	"context"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
)

// waitLimit bounds every wait in these tests; nothing sleeps to wait.
const waitLimit = 20 * time.Second

// recv returns the next event of ch or fails the test.
func recv(t *testing.T, ch <-chan bus.Event) bus.Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("stream closed")
		}
		return ev
	case <-time.After(waitLimit):
		t.Fatal("no event in time")
	}
	return bus.Event{}
}

// recvChange returns the next event, which must be a change.
func recvChange(t *testing.T, ch <-chan bus.Event) bus.Entry {
	t.Helper()
	ev := recv(t, ch)
	if ev.Type != bus.EventChange {
		t.Fatalf("got event %+v, want a change", ev)
	}
	return ev.Entry
}

// untilSynced returns the changes before EventSynced and its revision.
func untilSynced(t *testing.T, ch <-chan bus.Event) ([]bus.Entry, uint64) {
	t.Helper()
	var got []bus.Entry
	for {
		ev := recv(t, ch)
		switch ev.Type {
		case bus.EventSynced:
			return got, ev.Revision
		case bus.EventError:
			t.Fatalf("stream error: %v", ev.Err)
		}
		got = append(got, ev.Entry)
	}
}

func mustCreate(t *testing.T, kv bus.KV, key, value string) uint64 {
	t.Helper()
	rev, err := kv.Create(t.Context(), key, []byte(value))
	if err != nil {
		t.Fatalf("Create(%s): %v", key, err)
	}
	return rev
}

func mustUpdate(t *testing.T, kv bus.KV, key, value string, last uint64) uint64 {
	t.Helper()
	rev, err := kv.Update(t.Context(), key, []byte(value), last)
	if err != nil {
		t.Fatalf("Update(%s): %v", key, err)
	}
	return rev
}

func mustDelete(t *testing.T, kv bus.KV, key string, last uint64) uint64 {
	t.Helper()
	rev, err := kv.Delete(t.Context(), key, last, []byte("tomb:"+key))
	if err != nil {
		t.Fatalf("Delete(%s): %v", key, err)
	}
	return rev
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), waitLimit)
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-ctx.Done():
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
