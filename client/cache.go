package client

import (
	"context"
	"errors"
	"sync"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/resources"
)

// Cache shares decoded mirrors between the Informers made from it: one
// per resource and namespace, decoded once per change however many
// components of the process watch it. A mirror runs while at least one
// of its Informers runs, and starts afresh after the last one stops.
type Cache struct {
	source bus.Watcher

	mu      sync.Mutex
	mirrors map[string]*running
}

type running struct {
	m      *mirror
	refs   int
	cancel context.CancelFunc
	done   chan struct{}
}

// NewCache returns a Cache reading source (the object bucket).
func NewCache(source bus.Watcher) (*Cache, error) {
	if source == nil {
		return nil, errors.New("client: Cache needs a source")
	}
	return &Cache{source: source, mirrors: map[string]*running{}}, nil
}

// acquire returns the running mirror of res in ns, starting it if needed.
// The mirror's goroutine is owned by the cache: it stops when the last
// Informer releases it.
func (c *Cache) acquire(ctx context.Context, res resources.Resource, ns string) (*mirror, func(), error) {
	key := res.Prefix(ns)
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.mirrors[key]
	if r == nil {
		m, err := newMirror(c.source, res, ns, logging.From(ctx).With(zap.String("resource", res.Name)))
		if err != nil {
			return nil, nil, err
		}
		mctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		r = &running{m: m, cancel: cancel, done: make(chan struct{})}
		go func() { defer close(r.done); m.run(mctx) }()
		c.mirrors[key] = r
	}
	r.refs++
	return r.m, func() { c.release(key, r) }, nil
}

func (c *Cache) release(key string, r *running) {
	c.mu.Lock()
	r.refs--
	last := r.refs == 0
	if last {
		delete(c.mirrors, key)
	}
	c.mu.Unlock()
	if last {
		r.cancel()
		<-r.done
	}
}
