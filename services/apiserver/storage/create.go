package storage

import (
	"context"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

// Create stores a new object; it fails with AlreadyExists if the name is
// taken. It returns the object as stored, with its resourceVersion.
func (s *Store) Create(ctx context.Context, r resources.Resource, obj runtime.Object) (runtime.Object, error) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	data, err := r.EncodeStored(obj, s.mediaType)
	if err != nil {
		return nil, err
	}
	rev, err := s.kv.Create(ctx, r.Key(m.GetNamespace(), m.GetName()), data)
	if err != nil {
		return nil, toStatus(err, r, m.GetName())
	}
	m.SetResourceVersion(rvString(rev)) // obj is what was stored: no need to decode it back
	return obj, nil
}
