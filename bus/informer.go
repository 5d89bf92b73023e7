package bus

import (
	"errors"
	"sync"
	"time"
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
	// KeysOnly keeps keys and revisions in the cache but not values: for
	// a Handler that keeps its own (decoded) copy, so that each object is
	// held once. Get and List then return entries without Value, and the
	// prev entry passed to Handler has none either.
	KeysOnly bool
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
