package bus

import (
	"context"
	"errors"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Run mirrors the source until ctx ends, then returns nil. It lists once
// with Follow. When the stream fails it resumes with Watch from the
// cache's revision, without listing again; only ErrExpired (history
// needed for resuming is gone) makes it list again, after which the
// handler sees a put for every key that changed and a delete for every
// key that vanished meanwhile.
//
// Run must be called once per Informer.
func (inf *Informer) Run(ctx context.Context) error {
	log := logging.From(ctx).With(zap.String("component", "informer"), zap.String("prefix", inf.cfg.Prefix))
	listing := true
	for {
		var err error
		listing, err = inf.pass(ctx, listing)
		listing = listing || errors.Is(err, ErrExpired)
		if ctx.Err() != nil {
			return nil
		}
		log.Warn("informer stream ended, resuming", zap.Bool("relist", listing),
			zap.Uint64("revision", inf.Revision()), zap.Error(err))
		if !pause(ctx, inf.cfg.RetryWait) {
			return nil
		}
	}
}

// pass opens one stream, a full listing or a resume after the cache's
// revision, and consumes it until it ends; the stream is cancelled then
// so a source that does not close it by itself does not leak.
func (inf *Informer) pass(ctx context.Context, listing bool) (bool, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var events <-chan Event
	var err error
	if listing {
		events, err = inf.cfg.Source.Follow(ctx, inf.cfg.Prefix)
	} else {
		events, err = inf.cfg.Source.Watch(ctx, inf.cfg.Prefix, inf.Revision())
	}
	if err != nil {
		return listing, err
	}
	return inf.consume(ctx, events, listing)
}

// errStreamClosed is why a stream that closed without an error ended.
var errStreamClosed = errors.New("bus: informer stream closed")

// consume applies events until the stream ends and returns why, and
// whether the listing it was doing is still unfinished.
func (inf *Informer) consume(ctx context.Context, events <-chan Event, listing bool) (bool, error) {
	var snap map[string]Entry // the listing being built; nil once live
	if listing {
		snap = map[string]Entry{}
	}
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return snap != nil, errStreamClosed
			}
			if ev.Type == EventError {
				return snap != nil, ev.Err
			}
			snap = inf.take(ev, snap)
		case <-inf.progressReq:
			if snap == nil {
				inf.progress(ctx)
			}
		case <-ctx.Done():
			return snap != nil, ctx.Err()
		}
	}
}

// take puts ev into snap while listing, or into the cache once live, and
// returns what is left of the listing.
func (inf *Informer) take(ev Event, snap map[string]Entry) map[string]Entry {
	switch {
	case snap == nil && ev.Type == EventChange:
		inf.change(ev)
	case snap == nil: // a stray EventSynced: nothing to do
	case ev.Type == EventSynced:
		inf.replace(snap, ev.Revision)
		return nil
	default:
		apply(snap, ev.Entry)
	}
	return snap
}
