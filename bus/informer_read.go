package bus

import (
	"context"
	"fmt"
	"time"
)

// Get returns the cached entry of key.
func (inf *Informer) Get(key string) (Entry, bool) {
	inf.mu.RLock()
	defer inf.mu.RUnlock()
	e, ok := inf.items[key]
	return e, ok
}

// List returns the cached entries under prefix sorted by key, and the
// revision the cache is at.
func (inf *Informer) List(prefix string) ([]Entry, uint64) {
	inf.mu.RLock()
	defer inf.mu.RUnlock()
	items := make(map[string]Entry)
	for k, e := range inf.items {
		if underPrefix(k, prefix) {
			items[k] = e
		}
	}
	return sortedEntries(items), inf.rev
}

// Revision returns the revision the cache is at: every change under the
// prefix up to it is in the cache.
func (inf *Informer) Revision() uint64 {
	inf.mu.RLock()
	defer inf.mu.RUnlock()
	return inf.rev
}

// state returns what waiters look at, and the channel closed on change.
func (inf *Informer) state() (rev uint64, synced bool, changed <-chan struct{}) {
	inf.mu.RLock()
	defer inf.mu.RUnlock()
	return inf.rev, inf.synced, inf.changed
}

// WaitSynced blocks until the first listing is in the cache.
func (inf *Informer) WaitSynced(ctx context.Context) error {
	for {
		_, synced, changed := inf.state()
		if synced {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("bus: informer %q not synced: %w", inf.cfg.Prefix, ctx.Err())
		}
	}
}

// progressRecheck is how often a waiter asks again whether the cache is
// current when no change arrives.
const progressRecheck = time.Second

// WaitForRevision blocks until the cache holds every change up to rev.
// The handler is called just after the cache moves, so its calls for
// those changes may still be running when WaitForRevision returns.
// rev may belong to a key outside the prefix: when the source is a
// *Store, the informer then checks that nothing under its prefix changed
// in between and moves to the bucket's head revision.
func (inf *Informer) WaitForRevision(ctx context.Context, rev uint64) error {
	for {
		cur, synced, changed := inf.state()
		if synced && cur >= rev {
			return nil
		}
		select {
		case inf.progressReq <- struct{}{}:
		default:
		}
		select {
		case <-changed:
		case <-time.After(progressRecheck):
		case <-ctx.Done():
			return fmt.Errorf("bus: informer %q at revision %d, waiting for %d: %w", inf.cfg.Prefix, cur, rev, ctx.Err())
		}
	}
}
