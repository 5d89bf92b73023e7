package bus

import "context"

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
