package resources

import (
	"fmt"
	"strconv"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/protobuf"
	"k8s.io/client-go/kubernetes/scheme"
)

// The bucket holds each object in its served version without
// resourceVersion: the bucket revision is the resourceVersion, set on read.
// Readers of the bucket (the apiserver's store, service informers) use
// these two so they agree on the format.
//
// The format is Kubernetes protobuf (the "k8s\x00" envelope, as upstream
// keeps in etcd) or JSON; readers tell them apart by the envelope, so one
// bucket may hold both. Protobuf decodes about four times faster, and
// every change is decoded by every reader.

// Media types of the stored form (--storage-media-type).
const (
	StoredJSON     = "application/json"
	StoredProtobuf = "application/vnd.kubernetes.protobuf"
)

// Proto reads and writes the served types as Kubernetes protobuf.
var Proto = protobuf.NewSerializer(scheme.Scheme, scheme.Scheme)

var protoMagic = []byte{0x6b, 0x38, 0x73, 0x00} // "k8s\x00"

// CheckStoredMediaType reports whether mediaType can be stored.
func CheckStoredMediaType(mediaType string) error {
	if mediaType != StoredJSON && mediaType != StoredProtobuf {
		return fmt.Errorf("storage media type must be %s or %s, not %q", StoredProtobuf, StoredJSON, mediaType)
	}
	return nil
}

// EncodeStored returns the stored form of obj in mediaType.
func (r Resource) EncodeStored(obj runtime.Object, mediaType string) ([]byte, error) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	rv := m.GetResourceVersion()
	m.SetResourceVersion("")
	defer m.SetResourceVersion(rv)
	obj.GetObjectKind().SetGroupVersionKind(r.GVK())
	if mediaType == StoredProtobuf {
		data, err := runtime.Encode(Proto, obj)
		if !protobuf.IsNotMarshalable(err) {
			return data, err
		}
	}
	return runtime.Encode(JSON, obj) // also for any kind without protobuf
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
