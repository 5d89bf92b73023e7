package storage

import (
	"context"
	"errors"
	"strconv"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// Precondition vets the current object before a delete; an error aborts.
type Precondition func(cur runtime.Object) error

// Delete removes the object if check accepts its current state, with
// compare-and-set so a concurrent update is never lost to the delete. It
// returns the object as it was, with the delete's resourceVersion.
func (s *Store) Delete(ctx context.Context, r resources.Resource, ns, name string, check Precondition) (runtime.Object, error) {
	key := r.Key(ns, name)
	for range maxRetries {
		cur, err := s.kv.Get(ctx, key)
		if err != nil {
			return nil, toStatus(err, r, name)
		}
		obj, err := r.DecodeStored(cur.Value, cur.Revision)
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(obj); err != nil {
				return nil, err
			}
		}
		rev, err := s.kv.Delete(ctx, key, cur.Revision, cur.Value)
		if errors.Is(err, bus.ErrConflict) {
			continue
		}
		if err != nil {
			return nil, toStatus(err, r, name)
		}
		return r.DecodeStored(cur.Value, rev)
	}
	return nil, apierrors.NewConflict(r.GroupResource(), name, errors.New(errConflictMsg))
}

func rvString(rev uint64) string { return strconv.FormatUint(rev, 10) }
