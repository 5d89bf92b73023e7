package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// feed is one read of the bucket's stream that survives server restarts.
// A jetstream ordered consumer resumes by itself after a reconnect; when
// even that fails, feed makes a new one from the sequence after the last
// one delivered, so nothing is lost or repeated either way.
type feed struct {
	filter string
	// lastPerSubject starts with the latest message of each key instead
	// of at next; it only applies before the first delivery.
	lastPerSubject bool
	next           uint64
}

// feedHandler receives what a feed reads, in stream order, from one
// goroutine. Returning false ends the feed.
type feedHandler interface {
	// started runs after each new consumer with its pending count.
	started(pending uint64) bool
	message(m jetstream.Msg, seq, pending uint64) bool
	// idleWait is how long without messages makes run call idle; 0 never.
	idleWait() time.Duration
	idle() bool
}

// errIdle says no message came within the handler's idleWait.
var errIdle = errors.New("bus: feed idle")

const maxRetryWait = 5 * time.Second

// run reads f into h until ctx ends, h stops or the connection is closed
// for good; only the last returns an error.
func (s *Store) run(ctx context.Context, f feed, h feedHandler) error {
	for wait := time.Duration(0); pause(ctx, wait); wait = min(2*wait+100*time.Millisecond, maxRetryWait) {
		if s.conn.nc.IsClosed() {
			return fmt.Errorf("bus: read %s: %w: connection closed", f.filter, ErrUnavailable)
		}
		cons, err := s.consumer(ctx, f)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("bus consumer create failed, retrying", zap.String("filter", f.filter), zap.Error(err))
			}
			continue
		}
		more, progressed := s.read(ctx, cons, &f, h)
		s.dropConsumer(ctx, cons)
		if !more {
			return nil
		}
		if progressed {
			wait = 0
		}
	}
	return nil
}

// read hands messages to h until the consumer fails, h stops, or ctx
// ends. more is false when reading should not resume; progressed says
// whether anything was delivered.
func (s *Store) read(ctx context.Context, cons jetstream.Consumer, f *feed, h feedHandler) (more, progressed bool) {
	if !h.started(cons.CachedInfo().NumPending) {
		return false, false
	}
	it, err := cons.Messages()
	if err != nil {
		return ctx.Err() == nil, false
	}
	defer it.Stop()
	for {
		delivered, keep, err := step(ctx, it, f, h)
		progressed = progressed || delivered
		if err != nil {
			s.log.Debug("bus consumer ended", zap.String("filter", f.filter), zap.Error(err))
			return ctx.Err() == nil, progressed
		}
		if !keep {
			return false, progressed
		}
	}
}

// step waits for one message, or for h's idle time, and hands it to h;
// keep is h's answer.
func step(ctx context.Context, it jetstream.MessagesContext, f *feed, h feedHandler) (delivered, keep bool, err error) {
	m, err := next(ctx, it, h.idleWait())
	if err == errIdle {
		return false, h.idle(), nil
	}
	if err != nil {
		return false, true, err
	}
	md, err := m.Metadata()
	if err != nil {
		return false, true, err
	}
	f.lastPerSubject, f.next = false, md.Sequence.Stream+1
	return true, h.message(m, md.Sequence.Stream, md.NumPending), nil
}
