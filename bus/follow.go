package bus

import (
	"context"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// syncIdle is how long a snapshot may go without messages before Follow
// checks whether it is complete; the consumer's pending count, the usual
// trigger, can be stale while keys are being rewritten.
const syncIdle = 200 * time.Millisecond

// Follow streams the latest entry of each live key under prefix, then
// EventSynced, then every change. Before EventSynced a key is sent again
// only if it changes meanwhile, and deletes of keys not sent are left
// out. EventSynced carries the bucket's head revision at the moment the
// server showed nothing under prefix changed after the last entry sent,
// so the entries are exactly the state at that revision, even when it
// was written under another prefix.
//
// Follow fails up front with ErrUnavailable when the bus cannot be
// reached; later outages are ridden out without losing or repeating
// events.
func (s *Store) Follow(ctx context.Context, prefix string) (<-chan Event, error) {
	filter, err := s.filter(prefix)
	if err != nil {
		return nil, err
	}
	if _, err := s.Revision(ctx); err != nil { // fail fast when down
		return nil, err
	}
	fl := &follower{s: s, emitter: newEmitter(ctx), filter: filter, sent: map[string]bool{}}
	return s.serve(feed{filter: filter, lastPerSubject: true}, fl, fl.emitter), nil
}

// follower turns a last-per-subject feed into Follow's events.
type follower struct {
	emitter
	s      *Store
	filter string
	// last is the newest revision delivered.
	last   uint64
	synced bool
	// checked is when trySync last asked the server; pending counts can
	// read 0 early and often, so they trigger at most one check per
	// syncIdle.
	checked time.Time
	// sent holds the keys sent before EventSynced, so that a delete of
	// one of them is not mistaken for an old marker.
	sent map[string]bool
}

func (fl *follower) started(pending uint64) bool {
	return fl.maybeSync(pending)
}

func (fl *follower) message(m jetstream.Msg, seq, pending uint64) bool {
	fl.last = seq
	e := fl.s.entry(m, seq)
	if fl.wanted(e) && !fl.send(Event{Type: EventChange, Entry: e, Revision: seq}) {
		return false
	}
	return fl.maybeSync(pending)
}

// maybeSync checks for the end of the snapshot when the consumer says
// nothing is pending, unless it checked a moment ago.
func (fl *follower) maybeSync(pending uint64) bool {
	if fl.synced || pending > 0 || time.Since(fl.checked) < syncIdle {
		return true
	}
	return fl.trySync()
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

func (fl *follower) idleWait() time.Duration {
	if fl.synced {
		return 0
	}
	return syncIdle
}

func (fl *follower) idle() bool { return fl.trySync() }

// trySync sends EventSynced if nothing under the filter was written
// after the last message delivered, up to the bucket's head: then what
// was sent is the state at the head. Otherwise more is on its way.
func (fl *follower) trySync() bool {
	fl.checked = time.Now()
	ctx, cancel := context.WithTimeout(fl.ctx, fl.s.conn.timeout)
	defer cancel()
	head, quiet, err := fl.s.quiet(ctx, fl.filter, fl.last)
	if err != nil || !quiet {
		fl.s.log.Debug("bus snapshot not complete yet", zap.Uint64("after", fl.last), zap.Error(err))
		return fl.ctx.Err() == nil
	}
	fl.synced, fl.sent = true, nil
	return fl.send(Event{Type: EventSynced, Revision: head})
}
