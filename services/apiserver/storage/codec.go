package storage

import (
	"fmt"
	"strconv"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/client-go/kubernetes/scheme"

	"github.com/kubus-dev/kubus/resources"
)

// Objects are stored as the JSON of their served version, without
// resourceVersion: the bucket revision is the resourceVersion, set on read.
var codec = json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme.Scheme, scheme.Scheme, json.SerializerOptions{})

// Encode returns the stored form of obj.
func Encode(r resources.Resource, obj runtime.Object) ([]byte, error) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	rv := m.GetResourceVersion()
	m.SetResourceVersion("")
	defer m.SetResourceVersion(rv)
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	return runtime.Encode(codec, obj)
}

// Decode reads a stored value into a new typed object and sets its
// resourceVersion to rev.
func Decode(r resources.Resource, data []byte, rev uint64) (runtime.Object, error) {
	obj, err := NewObject(r)
	if err != nil {
		return nil, err
	}
	if _, _, err := codec.Decode(data, nil, obj); err != nil {
		return nil, fmt.Errorf("decode stored %s: %w", r.Kind, err)
	}
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	m.SetResourceVersion(strconv.FormatUint(rev, 10))
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	return obj, nil
}

// NewObject returns an empty typed object of the resource's kind.
func NewObject(r resources.Resource) (runtime.Object, error) {
	return scheme.Scheme.New(r.GVK())
}

// NewList returns an empty typed list of the resource's kind.
func NewList(r resources.Resource) (runtime.Object, error) {
	gvk := r.GVK()
	gvk.Kind += "List"
	return scheme.Scheme.New(gvk)
}

// ParseRV reads a resourceVersion; "" and "0" are 0.
func ParseRV(rv string) (uint64, error) {
	if rv == "" {
		return 0, nil
	}
	return strconv.ParseUint(rv, 10, 64)
}
