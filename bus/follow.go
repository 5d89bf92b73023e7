package bus

import (
	"context"

	"github.com/nats-io/nats.go/jetstream"
)

// eventBuffer is how many events a stream may run ahead of its reader.
const eventBuffer = 64

// emitter owns a stream's channel: only the feed goroutine sends on it.
type emitter struct {
	ctx context.Context
	out chan Event
}

func newEmitter(ctx context.Context) emitter {
	return emitter{ctx: ctx, out: make(chan Event, eventBuffer)}
}

// send delivers ev unless ctx ended first; it reports whether it did.
func (e emitter) send(ev Event) bool {
	select {
	case e.out <- ev:
		return true
	case <-e.ctx.Done():
		return false
	}
}

// serve runs f into h on a new goroutine and closes the channel when it
// is done, after an EventError if the connection was closed for good.
func (s *Store) serve(f feed, h feedHandler, e emitter) <-chan Event {
	go func() {
		defer close(e.out)
		if err := s.run(e.ctx, f, h); err != nil {
			e.send(Event{Type: EventError, Err: err})
		}
	}()
	return e.out
}

// Follow streams the latest entry of each live key under prefix, then
// EventSynced, then every change. Before EventSynced each key is sent at
// most once except when it changes meanwhile; deletes of keys not sent
// yet are left out. It fails up front with ErrUnavailable when the bus
// cannot be reached; later outages are ridden out without losing or
// repeating events.
func (s *Store) Follow(ctx context.Context, prefix string) (<-chan Event, error) {
	filter, err := s.filter(prefix)
	if err != nil {
		return nil, err
	}
	base, err := s.Revision(ctx)
	if err != nil {
		return nil, err
	}
	fl := &follower{s: s, emitter: newEmitter(ctx), base: base, sent: map[string]bool{}}
	return s.serve(feed{filter: filter, lastPerSubject: true}, fl, fl.emitter), nil
}

// follower turns a last-per-subject feed into Follow's events.
type follower struct {
	emitter
	s *Store
	// base is the bucket revision read before the consumer existed: the
	// snapshot contains everything up to it.
	base   uint64
	last   uint64
	synced bool
	// sent holds the keys sent before EventSynced, so that a delete of
	// one of them is not mistaken for an old marker.
	sent map[string]bool
}

func (fl *follower) started(pending uint64) bool {
	if fl.synced || pending > 0 {
		return true
	}
	return fl.sync()
}

func (fl *follower) message(m jetstream.Msg, seq, pending uint64) bool {
	fl.last = seq
	e := fl.s.entry(m, seq)
	if fl.wanted(e) && !fl.send(Event{Type: EventChange, Entry: e, Revision: seq}) {
		return false
	}
	if !fl.synced && pending == 0 {
		return fl.sync()
	}
	return true
}

// wanted drops, before EventSynced, the delete markers of keys the
// reader never heard of.
func (fl *follower) wanted(e Entry) bool {
	if fl.synced {
		return true
	}
	if e.Op == OpDelete {
		return fl.sent[e.Key]
	}
	fl.sent[e.Key] = true
	return true
}

// sync ends the snapshot. Nothing under the filter is pending, so the
// snapshot holds every change up to the later of base and the last
// message delivered.
func (fl *follower) sync() bool {
	fl.synced, fl.sent = true, nil
	return fl.send(Event{Type: EventSynced, Revision: max(fl.base, fl.last)})
}
