package resources

import (
	"bytes"
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

// Decode reads JSON or Kubernetes protobuf (told apart by the protobuf
// envelope) into a new typed object of the resource's kind.
func (r Resource) Decode(data []byte) (runtime.Object, error) {
	obj, err := r.New()
	if err != nil {
		return nil, err
	}
	var dec runtime.Decoder = JSON
	if bytes.HasPrefix(data, protoMagic) {
		dec = Proto
	}
	if _, _, err := dec.Decode(data, nil, obj); err != nil {
		return nil, fmt.Errorf("decode %s: %w", r.Kind, err)
	}
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	return obj, nil
}
