package bus

import (
	"context"
	"errors"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// quiet reports whether no key matching filter was written after
// revision after, up to head, the bucket's newest revision. Revisions up
// to head are never written again, so a true answer stays true.
func (s *Store) quiet(ctx context.Context, filter string, after uint64) (head uint64, quiet bool, err error) {
	head, err = s.Revision(ctx)
	if err != nil || head <= after {
		return max(head, after), err == nil, err
	}
	m, err := s.stream.GetMsg(ctx, after+1, jetstream.WithGetMsgSubject(filter))
	switch {
	case errors.Is(err, jetstream.ErrMsgNotFound):
		return head, true, nil
	case err != nil:
		return head, false, translate(err, "check for changes")
	}
	return head, m.Sequence > head, nil
}

// A prefix informer only sees revisions of its own keys, so on its own it
// never reaches a revision written elsewhere in the bucket. progressor
// fills that gap, like etcd's progress notifications.
type progressor interface {
	quietUntil(ctx context.Context, prefix string, after uint64) (uint64, error)
}

// quietUntil returns the bucket's head revision if nothing under prefix
// changed after revision after, else after.
func (s *Store) quietUntil(ctx context.Context, prefix string, after uint64) (uint64, error) {
	filter, err := s.filter(prefix)
	if err != nil {
		return after, err
	}
	head, quiet, err := s.quiet(ctx, filter, after)
	if err != nil || !quiet {
		return after, err
	}
	return head, nil
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
