package bus_test

import (
	"fmt"
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
