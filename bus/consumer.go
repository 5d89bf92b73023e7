package bus

import (
	"context"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// consumer makes the ordered consumer that reads f from where it stands.
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
