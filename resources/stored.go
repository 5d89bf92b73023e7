package resources

import (
	"strconv"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
)

// The bucket holds each object as the JSON of its served version without
// resourceVersion: the bucket revision is the resourceVersion, set on read.
// Readers of the bucket (the apiserver's store, service informers) use
// these two so they agree on the format.

// EncodeStored returns the stored form of obj.
func (r Resource) EncodeStored(obj runtime.Object) ([]byte, error) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	rv := m.GetResourceVersion()
	m.SetResourceVersion("")
	defer m.SetResourceVersion(rv)
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	return runtime.Encode(JSON, obj)
}

// DecodeStored reads a stored value written at revision rev.
func (r Resource) DecodeStored(data []byte, rev uint64) (runtime.Object, error) {
	obj, err := r.Decode(data)
	if err != nil {
		return nil, err
	}
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	m.SetResourceVersion(strconv.FormatUint(rev, 10))
	return obj, nil
}
