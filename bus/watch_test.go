package bus_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// write makes a mixed history of creates, updates and deletes under two
// prefixes and returns every entry written, in revision order.
func write(t *testing.T, kv bus.KV, n int) []bus.Entry {
	t.Helper()
	var out []bus.Entry
	for i := range n {
		key := fmt.Sprintf("%s.ns.obj.%d", []string{"pods", "nodes"}[i%2], i%3)
		cur, err := kv.Get(t.Context(), key)
		switch {
		case errors.Is(err, bus.ErrNotFound):
			rev := mustCreate(t, kv, key, fmt.Sprint(i))
			out = append(out, bus.Entry{Key: key, Value: []byte(fmt.Sprint(i)), Revision: rev, Created: true})
		case i%5 == 0:
			out = append(out, bus.Entry{Key: key, Value: []byte("tomb:" + key), Revision: mustDelete(t, kv, key, cur.Revision), Op: bus.OpDelete})
		default:
			rev := mustUpdate(t, kv, key, fmt.Sprint(i), cur.Revision)
			out = append(out, bus.Entry{Key: key, Value: []byte(fmt.Sprint(i)), Revision: rev})
		}
	}
	return out
}

func sameEntry(a, b bus.Entry) bool {
	return a.Key == b.Key && string(a.Value) == string(b.Value) && a.Revision == b.Revision && a.Op == b.Op
}

func TestWatchFromRevision(t *testing.T) {
	kv := bustest.New(t).KV("watch")
	history := write(t, kv, 30)
	cases := []struct {
		name   string
		prefix string
		from   uint64
	}{
		{"all from start", "", 0},
		{"all from middle", "", history[12].Revision},
		{"prefix from middle", "pods", history[7].Revision},
		{"prefix at head", "nodes", history[len(history)-1].Revision},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			ch, err := kv.Watch(ctx, tc.prefix, tc.from)
			if err != nil {
				t.Fatal(err)
			}
			more := write(t, kv, 6) // changes made after the watch started
			for _, want := range append(history, more...) {
				if want.Revision <= tc.from || (tc.prefix != "" && !under(want.Key, tc.prefix)) {
					continue
				}
				if got := recvChange(t, ch); !sameEntry(got, want) {
					t.Fatalf("got %+v, want %+v", got, want)
				}
			}
			history = append(history, more...)
			cancel()
			for ev := range ch { // must close, and deliver nothing unexpected
				if ev.Type == bus.EventChange && ev.Entry.Revision <= history[len(history)-1].Revision {
					t.Fatalf("extra event %+v", ev)
				}
			}
		})
	}
}

func TestWatchTrimmedHistory(t *testing.T) {
	kv := bustest.New(t).KVWith(bus.KVConfig{Bucket: "trim", History: 1})
	keep := mustCreate(t, kv, "keep.k", "oldest") // holds the first revision
	rev := mustCreate(t, kv, "a.k", "0")
	for i := range 3 {
		rev = mustUpdate(t, kv, "a.k", fmt.Sprint(i+1), rev)
	}
	// Revisions between keep and rev were trimmed: the stream says so.
	ch, err := kv.Watch(t.Context(), "", keep)
	if err != nil {
		t.Fatalf("Watch: %v", err)
	}
	ev := recv(t, ch)
	if ev.Type != bus.EventError || !errors.Is(ev.Err, bus.ErrExpired) {
		t.Fatalf("got %+v, want EventError with ErrExpired", ev)
	}
	if _, ok := <-ch; ok {
		t.Fatal("stream not closed after ErrExpired")
	}
	// A prefix watch cannot see the gap but still gets the latest value.
	ch, err = kv.Watch(t.Context(), "a", keep)
	if err != nil {
		t.Fatalf("Watch a: %v", err)
	}
	if e := recvChange(t, ch); e.Revision != rev || string(e.Value) != "3" {
		t.Fatalf("prefix watch got %+v, want a.k=3 at %d", e, rev)
	}
	// Once the first revision is gone too, Watch refuses up front.
	mustUpdate(t, kv, "keep.k", "newer", keep)
	if _, err := kv.Watch(t.Context(), "", 0); !errors.Is(err, bus.ErrExpired) {
		t.Fatalf("Watch from 0 = %v, want ErrExpired", err)
	}
}

func under(key, prefix string) bool {
	return prefix == "" || strings.HasPrefix(key, prefix+".")
}
