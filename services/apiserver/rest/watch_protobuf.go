package rest

import (
	"bytes"
	"encoding/binary"
	"net/http"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

// writeProtoEvent writes one watch event in Kubernetes' protobuf stream
// form: a 4-byte big-endian length, then a WatchEvent (no envelope) whose
// object is itself enveloped protobuf.
func writeProtoEvent(w http.ResponseWriter, ev watch.Event) error {
	withKind(ev.Object)
	var raw bytes.Buffer
	if err := protobufCodec.Encode(ev.Object, &raw); err != nil {
		return err
	}
	frame, err := (&metav1.WatchEvent{Type: string(ev.Type), Object: runtime.RawExtension{Raw: raw.Bytes()}}).Marshal()
	if err != nil {
		return err
	}
	var size [4]byte
	binary.BigEndian.PutUint32(size[:], uint32(len(frame)))
	if _, err := w.Write(size[:]); err != nil {
		return err
	}
	_, err = w.Write(frame)
	return err
}
