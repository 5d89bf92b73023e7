package storage

import (
	"bytes"
	"context"
	"errors"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// UpdateFunc turns the current object into the desired one. It may return
// an API error to abort.
type UpdateFunc func(cur runtime.Object) (runtime.Object, error)

// maxRetries bounds Delete's retries under contention; a client sees a
// Conflict after that and retries itself.
const maxRetries = 16

// GuaranteedUpdate reads the object, applies fn and writes the result with
// compare-and-set, retrying from a fresh read when another writer won.
// When fn's result carries a resourceVersion other than the current one the
// write fails with Conflict: the caller asked for a precondition.
func (s *Store) GuaranteedUpdate(ctx context.Context, r resources.Resource, ns, name string, fn UpdateFunc) (runtime.Object, error) {
	key := r.Key(ns, name)
	// The first try reads the watch cache, which is almost always current:
	// the compare-and-set write catches the rare stale read, and any
	// conflict after a cached read is retried from the bucket itself.
	cur, cached := s.cache.Get(key)
	cached = cached && cur.Op == bus.OpPut
	// Like etcd's GuaranteedUpdate, retry for as long as the client waits:
	// every lost race means another writer made progress.
	for ctx.Err() == nil {
		if !cached {
			var err error
			if cur, err = s.kv.Get(ctx, key); err != nil {
				return nil, toStatus(err, r, name)
			}
		}
		out, err := s.tryUpdate(ctx, r, key, cur, fn, !cached)
		if errors.Is(err, bus.ErrConflict) || (cached && apierrors.IsConflict(err)) {
			cached = false
			continue
		}
		return out, err
	}
	return nil, unavailable(ctx.Err())
}

// fresh says cur was read from the bucket, not the cache: only then may an
// update that changes nothing skip the write, since a cached read may be
// behind and the compare-and-set write is what would notice.
func (s *Store) tryUpdate(ctx context.Context, r resources.Resource, key string, cur bus.Entry, fn UpdateFunc, fresh bool) (runtime.Object, error) {
	obj, err := r.DecodeStored(cur.Value, cur.Revision)
	if err != nil {
		return nil, err
	}
	next, err := fn(obj)
	if err != nil {
		return nil, err
	}
	m, err := meta.Accessor(next)
	if err != nil {
		return nil, err
	}
	if want := m.GetResourceVersion(); want != "" && want != rvString(cur.Revision) {
		return nil, apierrors.NewConflict(r.GroupResource(), m.GetName(), errors.New(errConflictMsg))
	}
	data, err := r.EncodeStored(next, s.mediaType)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(data, cur.Value) {
		if !fresh {
			return nil, bus.ErrConflict // confirm against the bucket before answering
		}
		return r.DecodeStored(cur.Value, cur.Revision) // nothing changed: no write, same resourceVersion
	}
	rev, err := s.kv.Update(ctx, key, data, cur.Revision)
	if err != nil {
		if errors.Is(err, bus.ErrConflict) || errors.Is(err, bus.ErrNotFound) {
			return nil, bus.ErrConflict // re-read: gone or changed since the read
		}
		return nil, toStatus(err, r, m.GetName())
	}
	m.SetResourceVersion(rvString(rev)) // next is what was stored: no need to decode it back
	next.GetObjectKind().SetGroupVersionKind(r.GVK())
	return next, nil
}
