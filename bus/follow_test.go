package bus_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// latest replays entries into key -> live entry.
func latest(entries []bus.Entry, prefix string) map[string]bus.Entry {
	out := map[string]bus.Entry{}
	for _, e := range entries {
		switch {
		case !under(e.Key, prefix):
		case e.Op == bus.OpDelete:
			delete(out, e.Key)
		default:
			out[e.Key] = e
		}
	}
	return out
}

func TestList(t *testing.T) {
	kv := bustest.New(t).KV("list")
	history := write(t, kv, 40)
	for _, prefix := range []string{"", "pods", "pods.ns", "nodes.ns.obj", "none"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			got, rev, err := kv.List(t.Context(), prefix)
			if err != nil {
				t.Fatal(err)
			}
			want := latest(history, prefix)
			if len(got) != len(want) {
				t.Fatalf("List = %d entries %+v, want %d", len(got), got, len(want))
			}
			for i, e := range got {
				if !sameEntry(e, want[e.Key]) || (i > 0 && got[i-1].Key >= e.Key) {
					t.Fatalf("entry %d = %+v, want %+v, sorted by key", i, e, want[e.Key])
				}
			}
			if head := history[len(history)-1].Revision; rev != head {
				t.Fatalf("List revision %d, want head %d", rev, head)
			}
		})
	}
}

// TestListConsistentUnderWrites lists while a writer runs: whatever
// revision List reports, its entries must be exactly the state then.
func TestListConsistentUnderWrites(t *testing.T) {
	kv := bustest.New(t).KV("listrace")
	var mu sync.Mutex
	history := write(t, kv, 10)
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ctx.Err() == nil && i < 200; i++ {
			more := write(t, kv, 1)
			mu.Lock()
			history = append(history, more...)
			mu.Unlock()
		}
	})
	defer wg.Wait()
	defer cancel()
	for range 20 {
		got, rev, err := kv.List(t.Context(), "pods")
		if err != nil {
			t.Fatal(err)
		}
		eventually(t, "writer to record its writes", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return history[len(history)-1].Revision >= rev
		})
		mu.Lock()
		var upTo []bus.Entry
		for _, e := range history {
			if e.Revision <= rev {
				upTo = append(upTo, e)
			}
		}
		mu.Unlock()
		if want := latest(upTo, "pods"); len(got) != len(want) {
			t.Fatalf("List at %d = %+v, want %+v", rev, got, want)
		}
		for _, e := range got {
			if w := latest(upTo, "pods")[e.Key]; !sameEntry(e, w) {
				t.Fatalf("List at %d has %+v, want %+v", rev, e, w)
			}
		}
	}
}

func TestFollowSnapshotThenChanges(t *testing.T) {
	kv := bustest.New(t).KV("follow")
	history := write(t, kv, 20)
	ch, err := kv.Follow(t.Context(), "pods")
	if err != nil {
		t.Fatal(err)
	}
	got, rev := untilSynced(t, ch)
	if want := latest(history, "pods"); len(latest(got, "pods")) != len(want) || len(got) != len(want) {
		t.Fatalf("snapshot %+v, want %+v", got, want)
	}
	if head := history[len(history)-1].Revision; rev != head {
		t.Fatalf("synced at %d, want %d", rev, head)
	}
	for _, want := range write(t, kv, 12) {
		if under(want.Key, "pods") {
			if e := recvChange(t, ch); !sameEntry(e, want) {
				t.Fatalf("got %+v, want %+v", e, want)
			}
		}
	}
}

func TestFollowEmpty(t *testing.T) {
	kv := bustest.New(t).KV("empty")
	mustCreate(t, kv, "other.k", "v")
	ch, err := kv.Follow(t.Context(), "pods")
	if err != nil {
		t.Fatal(err)
	}
	if got, rev := untilSynced(t, ch); len(got) != 0 || rev != 1 {
		t.Fatalf("empty follow: %+v at %d, want nothing at 1", got, rev)
	}
	rev := mustCreate(t, kv, "pods.a", "v")
	if e := recvChange(t, ch); e.Key != "pods.a" || e.Revision != rev {
		t.Fatalf("got %+v", e)
	}
}

// TestFollowCostIgnoresHistory writes many revisions of few keys: the
// snapshot must carry one entry per live key, not the history.
func TestFollowCostIgnoresHistory(t *testing.T) {
	kv := bustest.New(t).KVWith(bus.KVConfig{Bucket: "hist", History: 64})
	const keys, revisions = 3, 60
	for k := range keys {
		key := fmt.Sprintf("pods.ns.p%d", k)
		rev := mustCreate(t, kv, key, "0")
		for i := range revisions {
			rev = mustUpdate(t, kv, key, fmt.Sprint(i+1), rev)
		}
	}
	rev := mustCreate(t, kv, "pods.ns.gone", "x")
	mustDelete(t, kv, "pods.ns.gone", rev)
	ch, err := kv.Follow(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := untilSynced(t, ch)
	if len(got) != keys {
		t.Fatalf("snapshot delivered %d entries, want %d: %+v", len(got), keys, got)
	}
	for _, e := range got {
		if string(e.Value) != fmt.Sprint(revisions) {
			t.Fatalf("snapshot entry %+v is not the latest", e)
		}
	}
}
