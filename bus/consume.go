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
			s.log.Warn("bus consumer create failed, retrying", zap.String("filter", f.filter), zap.Error(err))
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

func (s *Store) consumer(ctx context.Context, f feed) (jetstream.Consumer, error) {
	cfg := jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{f.filter},
		DeliverPolicy:  jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:    f.next,
		// One attempt per reset: nats.go's own backoff between attempts
		// cannot be interrupted safely, so run retries instead.
		MaxResetAttempts:  1,
		InactiveThreshold: time.Minute,
	}
	if f.lastPerSubject {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverLastPerSubjectPolicy, 0
	}
	return s.conn.js.OrderedConsumer(ctx, s.streamName(), cfg)
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
		m, err := next(ctx, it, h.idleWait())
		if err == errIdle {
			if !h.idle() {
				return false, progressed
			}
			continue
		}
		if err != nil {
			s.log.Debug("bus consumer ended", zap.String("filter", f.filter), zap.Error(err))
			return ctx.Err() == nil, progressed
		}
		md, err := m.Metadata()
		if err != nil {
			return ctx.Err() == nil, progressed
		}
		progressed = true
		f.lastPerSubject, f.next = false, md.Sequence.Stream+1
		if !h.message(m, md.Sequence.Stream, md.NumPending) {
			return false, true
		}
	}
}

// next waits for the next message, at most wait if wait > 0.
func next(ctx context.Context, it jetstream.MessagesContext, wait time.Duration) (jetstream.Msg, error) {
	if wait == 0 {
		return it.Next(jetstream.NextContext(ctx))
	}
	waitCtx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	m, err := it.Next(jetstream.NextContext(waitCtx))
	if err != nil && ctx.Err() == nil && waitCtx.Err() != nil {
		return nil, errIdle
	}
	return m, err
}

// dropConsumer deletes the server side of cons rather than leaving it to
// expire, so short-lived reads such as List do not pile up.
func (s *Store) dropConsumer(ctx context.Context, cons jetstream.Consumer) {
	info := cons.CachedInfo()
	if info == nil || !s.conn.nc.IsConnected() {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	_ = s.conn.js.DeleteConsumer(ctx, info.Stream, info.Name)
}
