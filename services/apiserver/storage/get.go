package storage

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/bus"

	"github.com/kubus-dev/kubus/resources"
)

// Get reads the latest stored object straight from the bucket.
func (s *Store) Get(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error) {
	e, err := s.kv.Get(ctx, r.Key(ns, name))
	if err != nil {
		return nil, toStatus(err, r, name)
	}
	return r.DecodeStored(e.Value, e.Revision)
}

// GetCached reads an object from the cache, falling back to the bucket when
// the cache does not hold it (yet): for checks where a slightly old copy is
// as good, such as whether a namespace exists.
func (s *Store) GetCached(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error) {
	if e, ok := s.cache.Get(r.Key(ns, name)); ok && e.Op == bus.OpPut {
		return r.DecodeStored(e.Value, e.Revision)
	}
	return s.Get(ctx, r, ns, name)
}
