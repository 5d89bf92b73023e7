package bus_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

// breaking is a source whose first Follow stream breaks on demand: after
// EventSynced it swallows changes until cut is closed, then ends with
// breakErr. Its first Watch fails with watchErr if that is set.
type breaking struct {
	counting
	cut      chan struct{}
	breakErr error
	watchErr error
}

func (b *breaking) Follow(ctx context.Context, prefix string) (<-chan bus.Event, error) {
	if b.follows.Load() > 0 {
		return b.counting.Follow(ctx, prefix)
	}
	inner, err := b.counting.Follow(ctx, prefix)
	if err != nil {
		return nil, err
	}
	out := make(chan bus.Event)
	go b.relay(ctx, inner, out)
	return out, nil
}

func (b *breaking) relay(ctx context.Context, inner <-chan bus.Event, out chan<- bus.Event) {
	defer close(out)
	for ev := range inner {
		select {
		case out <- ev:
		case <-ctx.Done():
			return
		}
		if ev.Type != bus.EventSynced {
			continue
		}
		select { // changes meanwhile are lost, as if the stream broke
		case <-b.cut:
		case <-ctx.Done():
			return
		}
		select {
		case out <- bus.Event{Type: bus.EventError, Err: b.breakErr}:
		case <-ctx.Done():
		}
		return
	}
}

func (b *breaking) Watch(ctx context.Context, prefix string, from uint64) (<-chan bus.Event, error) {
	if b.watches.Load() == 0 && b.watchErr != nil {
		b.watches.Add(1)
		return nil, b.watchErr
	}
	return b.counting.Watch(ctx, prefix, from)
}

// TestInformerResumesWithWatch breaks the stream: the informer must pick
// up from its revision with Watch, not list again, and miss nothing.
func TestInformerResumesWithWatch(t *testing.T) {
	kv := bustest.New(t).KV("resume")
	history := write(t, kv, 9)
	src := &breaking{counting: counting{Store: kv}, cut: make(chan struct{}), breakErr: fmt.Errorf("link down: %w", bus.ErrUnavailable)}
	inf, rec := startInformer(t, src, "")
	initial := len(rec.snapshot())
	more := write(t, kv, 8) // the broken stream drops these
	close(src.cut)
	waitRev(t, inf, more[len(more)-1].Revision)
	checkCalls(t, rec.wait(t, initial+len(more))[initial:], more, latest(history, ""))
	if f, w := src.follows.Load(), src.watches.Load(); f != 1 || w != 1 {
		t.Fatalf("streams opened: %d follows, %d watches; want 1 and 1", f, w)
	}
}

// TestInformerRelistsOnExpired makes resuming impossible: the informer
// lists again and reports the difference as puts and deletes.
func TestInformerRelistsOnExpired(t *testing.T) {
	kv := bustest.New(t).KV("relist")
	a := mustCreate(t, kv, "pods.a", "a")
	b := mustCreate(t, kv, "pods.b", "b")
	mustCreate(t, kv, "pods.same", "s")
	src := &breaking{counting: counting{Store: kv}, cut: make(chan struct{}), breakErr: bus.ErrUnavailable, watchErr: bus.ErrExpired}
	inf, rec := startInformer(t, src, "pods")
	initial := len(rec.snapshot())
	before := map[string]bus.Entry{}
	for _, e := range rec.snapshot() {
		before[e.entry.Key] = e.entry
	}
	mustDelete(t, kv, "pods.a", a)
	bRev := mustUpdate(t, kv, "pods.b", "b2", b)
	cRev := mustCreate(t, kv, "pods.c", "c")
	close(src.cut)
	waitRev(t, inf, cRev)
	want := []bus.Entry{
		{Key: "pods.b", Value: []byte("b2"), Revision: bRev},
		{Key: "pods.c", Value: []byte("c"), Revision: cRev},
		{Key: "pods.a", Revision: cRev, Op: bus.OpDelete}, // synthetic, at the listing's revision
	}
	checkCalls(t, rec.wait(t, initial+len(want))[initial:], want, before)
	if f := src.follows.Load(); f != 2 {
		t.Fatalf("%d follows, want 2", f)
	}
	if _, ok := inf.Get("pods.a"); ok {
		t.Fatal("pods.a still cached")
	}
}
