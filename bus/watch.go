package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Watch streams every change under prefix with a revision above from, in
// order, until ctx ends.
//
// ErrExpired is reported two ways. If history older than from+1 is
// already gone when Watch is called, Watch itself returns an error
// wrapping ErrExpired and no channel. With an empty prefix the stream's
// revisions must follow one another, so a revision trimmed later (for
// instance by the per-key history limit) ends the channel with an
// EventError carrying ErrExpired. With a prefix only the first check is
// possible; per-key trimming there only drops revisions that were
// superseded, so the latest value of every key still arrives.
func (s *Store) Watch(ctx context.Context, prefix string, from uint64) (<-chan Event, error) {
	filter, err := s.filter(prefix)
	if err != nil {
		return nil, err
	}
	first, err := s.firstRevision(ctx)
	if err != nil {
		return nil, err
	}
	if first > from+1 {
		return nil, fmt.Errorf("bus: watch %q after revision %d, oldest kept is %d: %w", prefix, from, first, ErrExpired)
	}
	w := &watcher{s: s, emitter: newEmitter(ctx), next: from + 1, strict: prefix == ""}
	return s.serve(feed{filter: filter, next: from + 1}, w, w.emitter), nil
}

// watcher turns a feed into Watch's events.
type watcher struct {
	emitter
	s *Store
	// next is the revision expected next when strict.
	next   uint64
	strict bool
}

func (w *watcher) started(uint64) bool     { return true }
func (w *watcher) idleWait() time.Duration { return 0 }
func (w *watcher) idle() bool              { return true }

func (w *watcher) message(m jetstream.Msg, seq, _ uint64) bool {
	if w.strict && seq != w.next {
		err := fmt.Errorf("bus: watch expected revision %d, got %d: %w", w.next, seq, ErrExpired)
		w.send(Event{Type: EventError, Err: err})
		return false
	}
	w.next = seq + 1
	return w.send(Event{Type: EventChange, Entry: w.s.entry(m, seq), Revision: seq})
}
