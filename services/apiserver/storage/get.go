package storage

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

// Get reads the latest stored object straight from the bucket.
func (s *Store) Get(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error) {
	e, err := s.kv.Get(ctx, r.Key(ns, name))
	if err != nil {
		return nil, toStatus(err, r, name)
	}
	return Decode(r, e.Value, e.Revision)
}
