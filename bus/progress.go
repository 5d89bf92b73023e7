package bus

import (
	"context"
	"errors"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// A prefix informer only sees revisions of its own keys, so on its own it
// never reaches a revision written elsewhere in the bucket. progressor
// fills that gap, like etcd's progress notifications: it finds the
// newest revision up to which nothing under prefix changed after the
// given one.
type progressor interface {
	quietUntil(ctx context.Context, prefix string, after uint64) (uint64, error)
}

// quietUntil returns the bucket's head revision if no key under prefix
// changed in (after, head], else after. Revisions at or below the head
// are never written again, so the answer stays true.
func (s *Store) quietUntil(ctx context.Context, prefix string, after uint64) (uint64, error) {
	filter, err := s.filter(prefix)
	if err != nil {
		return after, err
	}
	head, err := s.Revision(ctx)
	if err != nil || head <= after {
		return after, err
	}
	m, err := s.stream.GetMsg(ctx, after+1, jetstream.WithGetMsgSubject(filter))
	switch {
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return head, nil
	case err != nil:
		return after, translate(err, "check progress")
	case m.Sequence > head:
		return head, nil
	}
	return after, nil
}

// progress moves the cache to the bucket's head if nothing under the
// prefix changed since the cache's revision. It runs on Run's goroutine,
// between events, so no event can slip in between the check and the move.
func (inf *Informer) progress(ctx context.Context) {
	p, ok := inf.cfg.Source.(progressor)
	if !ok {
		return
	}
	cur := inf.Revision()
	ctx, cancel := context.WithTimeout(ctx, progressRecheck)
	defer cancel()
	head, err := p.quietUntil(ctx, inf.cfg.Prefix, cur)
	if err != nil {
		logging.From(ctx).Debug("informer progress check failed", zap.Error(err))
		return
	}
	if head > cur {
		inf.mu.Lock()
		inf.setRevision(max(inf.rev, head))
		inf.mu.Unlock()
	}
}
