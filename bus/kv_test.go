package bus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// fixture holds a live key (created then updated) and a deleted one.
type fixture struct {
	kv                  *bus.Store
	liveRev, goneMarker uint64
}

func newFixture(t *testing.T, b *bustest.Bus, bucket string) fixture {
	t.Helper()
	kv := b.KV(bucket)
	rev := mustCreate(t, kv, "pods.default.live.one", "v1")
	rev = mustUpdate(t, kv, "pods.default.live.one", "v2", rev)
	gone := mustCreate(t, kv, "pods.default.gone", "x")
	return fixture{kv: kv, liveRev: rev, goneMarker: mustDelete(t, kv, "pods.default.gone", gone)}
}

func TestWriteSemantics(t *testing.T) {
	b := bustest.New(t)
	const live, gone, never = "pods.default.live.one", "pods.default.gone", "pods.default.never"
	cases := []struct {
		name string
		op   func(f fixture) error
		want error
	}{
		{"create existing", func(f fixture) error { _, err := f.kv.Create(t.Context(), live, nil); return err }, bus.ErrExists},
		{"create deleted", func(f fixture) error { _, err := f.kv.Create(t.Context(), gone, nil); return err }, nil},
		{"create new", func(f fixture) error { _, err := f.kv.Create(t.Context(), never, nil); return err }, nil},
		{"update current", func(f fixture) error { _, err := f.kv.Update(t.Context(), live, nil, f.liveRev); return err }, nil},
		{"update stale", func(f fixture) error { _, err := f.kv.Update(t.Context(), live, nil, f.liveRev-1); return err }, bus.ErrConflict},
		{"update zero", func(f fixture) error { _, err := f.kv.Update(t.Context(), live, nil, 0); return err }, bus.ErrConflict},
		{"update deleted", func(f fixture) error { _, err := f.kv.Update(t.Context(), gone, nil, f.liveRev); return err }, bus.ErrNotFound},
		{"update missing", func(f fixture) error { _, err := f.kv.Update(t.Context(), never, nil, 1); return err }, bus.ErrNotFound},
		{"delete stale", func(f fixture) error { _, err := f.kv.Delete(t.Context(), live, f.liveRev-1, nil); return err }, bus.ErrConflict},
		{"delete deleted", func(f fixture) error { _, err := f.kv.Delete(t.Context(), gone, f.liveRev, nil); return err }, bus.ErrNotFound},
		{"delete missing", func(f fixture) error { _, err := f.kv.Delete(t.Context(), never, 0, nil); return err }, bus.ErrNotFound},
		{"get deleted", func(f fixture) error { _, err := f.kv.Get(t.Context(), gone); return err }, bus.ErrNotFound},
		{"get missing", func(f fixture) error { _, err := f.kv.Get(t.Context(), never); return err }, bus.ErrNotFound},
		{"get parent of dotted key", func(f fixture) error { _, err := f.kv.Get(t.Context(), "pods.default.live"); return err }, bus.ErrNotFound},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, b, fmt.Sprintf("w%d", i))
			if err := tc.op(f); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestRevisionsAndValues(t *testing.T) {
	kv := bustest.New(t).KV("revs")
	key := "pods.default.my.pod.name"
	r1 := mustCreate(t, kv, key, "one")
	r2 := mustUpdate(t, kv, key, "two", r1)
	e, err := kv.Get(t.Context(), key)
	if err != nil || e.Key != key || string(e.Value) != "two" || e.Revision != r2 || e.Op != bus.OpPut {
		t.Fatalf("Get = %+v, %v; want two at %d", e, err, r2)
	}
	del := mustDelete(t, kv, key, r2)
	head, err := kv.Revision(t.Context())
	if err != nil || !(r1 < r2 && r2 < del && del == head) {
		t.Fatalf("revisions create %d update %d delete %d head %d (%v): want increasing, delete = head", r1, r2, del, head, err)
	}
	if _, err := kv.Get(t.Context(), key); !errors.Is(err, bus.ErrNotFound) {
		t.Fatalf("Get after delete: %v", err)
	}
}

func TestInvalidKeys(t *testing.T) {
	kv := bustest.New(t).KV("keys")
	for _, key := range []string{"", ".a", "a.", "a..b", "a b", "a*", "a.>", "ä"} {
		_, err := kv.Create(t.Context(), key, nil)
		if err == nil || errors.Is(err, bus.ErrExists) || errors.Is(err, bus.ErrUnavailable) {
			t.Errorf("Create(%q) = %v, want a key error", key, err)
		}
	}
	if _, _, err := kv.List(t.Context(), "a..b"); err == nil {
		t.Error("List with invalid prefix succeeded")
	}
}

func TestConcurrentCASIncrements(t *testing.T) {
	kv := bustest.New(t).KV("cas")
	const key, workers, each = "counters.hits", 8, 25
	mustCreate(t, kv, key, "0")
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Go(func() {
			for range each {
				if err := increment(t, kv, key); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	e, err := kv.Get(t.Context(), key)
	if err != nil || !bytes.Equal(e.Value, []byte(strconv.Itoa(workers*each))) {
		t.Fatalf("counter = %q, %v; want %d", e.Value, err, workers*each)
	}
}

// increment does read-modify-write with compare-and-set, retrying on
// conflicts, as every writer of the store must.
func increment(t *testing.T, kv bus.KV, key string) error {
	for {
		e, err := kv.Get(t.Context(), key)
		if err != nil {
			return err
		}
		n, _ := strconv.Atoi(string(e.Value))
		_, err = kv.Update(t.Context(), key, []byte(strconv.Itoa(n+1)), e.Revision)
		if !errors.Is(err, bus.ErrConflict) {
			return err
		}
	}
}

func TestUnavailable(t *testing.T) {
	b := bustest.New(t)
	kv := b.KV("down")
	b.Stop()
	calls := map[string]func(ctx context.Context) error{
		"Get":      func(ctx context.Context) error { _, err := kv.Get(ctx, "a"); return err },
		"Create":   func(ctx context.Context) error { _, err := kv.Create(ctx, "a", nil); return err },
		"Update":   func(ctx context.Context) error { _, err := kv.Update(ctx, "a", nil, 1); return err },
		"Delete":   func(ctx context.Context) error { _, err := kv.Delete(ctx, "a", 1, nil); return err },
		"List":     func(ctx context.Context) error { _, _, err := kv.List(ctx, ""); return err },
		"Watch":    func(ctx context.Context) error { _, err := kv.Watch(ctx, "", 0); return err },
		"Follow":   func(ctx context.Context) error { _, err := kv.Follow(ctx, ""); return err },
		"Revision": func(ctx context.Context) error { _, err := kv.Revision(ctx); return err },
	}
	for name, call := range calls {
		// A call racing the disconnect waits for its deadline; later
		// ones fail at once. Both must say ErrUnavailable.
		ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
		if err := call(ctx); !errors.Is(err, bus.ErrUnavailable) {
			t.Errorf("%s with server down: %v, want ErrUnavailable", name, err)
		}
		cancel()
	}
}
