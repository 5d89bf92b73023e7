package bus

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// InformerConfig describes what an Informer mirrors.
type InformerConfig struct {
	// Source is read with Follow, then Watch to resume after a failure.
	Source Watcher
	// Prefix selects the keys mirrored; "" is the whole bucket.
	Prefix string
	// Handler, if set, is called for every change after the cache holds
	// it, one call at a time in revision order, with the previous entry
	// of the key or nil. Deletes of keys the cache never held are not
	// passed on. Entries share their Value with the cache: do not modify.
	Handler func(ev Event, prev *Entry)
	// RetryWait is the pause between attempts to reopen a failed stream
	// (default 1s).
	RetryWait time.Duration
}

// Informer keeps an in-memory copy of the keys under a prefix, updated by
// a Follow stream, and tells a handler what changed.
type Informer struct {
	cfg InformerConfig
	// progressReq asks Run to check whether the cache is already current
	// at the bucket's head revision; see WaitForRevision.
	progressReq chan struct{}

	mu     sync.RWMutex
	items  map[string]Entry
	rev    uint64
	synced bool
	// changed is closed and replaced whenever rev or synced changes.
	changed chan struct{}
}

// NewInformer checks cfg and returns an Informer ready to Run.
func NewInformer(cfg InformerConfig) (*Informer, error) {
	if cfg.Source == nil {
		return nil, errors.New("bus: InformerConfig.Source is required")
	}
	if err := validPrefix(cfg.Prefix); err != nil {
		return nil, err
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = time.Second
	}
	return &Informer{
		cfg:         cfg,
		progressReq: make(chan struct{}, 1),
		items:       map[string]Entry{},
		changed:     make(chan struct{}),
	}, nil
}

// Run mirrors the source until ctx ends, then returns nil. It lists once
// with Follow. When the stream fails it resumes with Watch from the
// cache's revision, without listing again; only ErrExpired (history
// needed for resuming is gone) makes it list again, after which the
// handler sees a put for every key that changed and a delete for every
// key that vanished meanwhile.
func (inf *Informer) Run(ctx context.Context) error {
	log := logging.From(ctx).With(zap.String("component", "informer"), zap.String("prefix", inf.cfg.Prefix))
	listing := true
	for ctx.Err() == nil {
		events, err := inf.open(ctx, listing)
		if err == nil {
			listing, err = inf.consume(ctx, events, listing)
		}
		listing = listing || errors.Is(err, ErrExpired)
		if ctx.Err() != nil {
			break
		}
		log.Warn("informer stream ended, resuming", zap.Bool("relist", listing),
			zap.Uint64("revision", inf.Revision()), zap.Error(err))
		if !pause(ctx, inf.cfg.RetryWait) {
			break
		}
	}
	return nil
}

// open starts a full listing or resumes after the cache's revision.
func (inf *Informer) open(ctx context.Context, listing bool) (<-chan Event, error) {
	if listing {
		return inf.cfg.Source.Follow(ctx, inf.cfg.Prefix)
	}
	return inf.cfg.Source.Watch(ctx, inf.cfg.Prefix, inf.Revision())
}

// consume applies events until the stream ends and returns why, and
// whether the listing it was doing is still unfinished.
func (inf *Informer) consume(ctx context.Context, events <-chan Event, listing bool) (bool, error) {
	var snap map[string]Entry
	if listing {
		snap = map[string]Entry{}
	}
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				return listing, errors.New("bus: informer stream closed")
			}
			switch {
			case ev.Type == EventError:
				return listing, ev.Err
			case listing && ev.Type == EventSynced:
				inf.replace(snap, ev.Revision)
				listing, snap = false, nil
			case listing:
				apply(snap, ev.Entry)
			case ev.Type == EventChange:
				inf.change(ev)
			}
		case <-inf.progressReq:
			if !listing {
				inf.progress(ctx)
			}
		case <-ctx.Done():
			return listing, ctx.Err()
		}
	}
}
