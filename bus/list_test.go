package bus_test

import (
	"context"
	"sync"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

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
