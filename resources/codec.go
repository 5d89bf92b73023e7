package resources

import (
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"
	k8sjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/client-go/kubernetes/scheme"
)

// JSON reads and writes the served types as Kubernetes JSON, with
// apiVersion and kind. The apiserver, its store and every client share it.
var JSON = k8sjson.NewSerializerWithOptions(k8sjson.DefaultMetaFactory, scheme.Scheme, scheme.Scheme, k8sjson.SerializerOptions{})

// New returns an empty typed object of the resource's kind.
func (r Resource) New() (runtime.Object, error) {
	return scheme.Scheme.New(r.GVK())
}

// NewList returns an empty typed list of the resource's kind.
func (r Resource) NewList() (runtime.Object, error) {
	gvk := r.GVK()
	gvk.Kind += "List"
	return scheme.Scheme.New(gvk)
}

// Decode reads JSON into a new typed object of the resource's kind.
func (r Resource) Decode(data []byte) (runtime.Object, error) {
	obj, err := r.New()
	if err != nil {
		return nil, err
	}
	if _, _, err := JSON.Decode(data, nil, obj); err != nil {
		return nil, fmt.Errorf("decode %s: %w", r.Kind, err)
	}
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	return obj, nil
}
