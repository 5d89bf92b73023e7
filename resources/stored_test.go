package resources

import (
	"bytes"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestStoredForm checks, in each media type, that the bucket holds no
// resourceVersion, that a read takes it from the revision, and that equal
// objects encode to equal bytes (the store skips writes that change
// nothing by comparing them).
func TestStoredForm(t *testing.T) {
	pods, _ := Lookup("", "v1", "pods")
	labels := map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}
	for _, tt := range []struct {
		mediaType string
		looksLike func([]byte) bool
	}{
		{StoredJSON, func(b []byte) bool {
			return bytes.Contains(b, []byte(`"kind":"Pod"`)) && !bytes.Contains(b, []byte("resourceVersion"))
		}},
		{StoredProtobuf, func(b []byte) bool { return bytes.HasPrefix(b, protoMagic) && !bytes.Contains(b, []byte("7")) }},
	} {
		t.Run(tt.mediaType, func(t *testing.T) {
			in := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "ns", ResourceVersion: "7", Labels: labels}}
			data, err := pods.EncodeStored(in, tt.mediaType)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.looksLike(data) {
				t.Fatalf("stored form %q", data)
			}
			if in.ResourceVersion != "7" {
				t.Fatalf("EncodeStored changed the caller's object: %q", in.ResourceVersion)
			}
			for range 20 {
				again, _ := pods.EncodeStored(in.DeepCopy(), tt.mediaType)
				if !bytes.Equal(again, data) {
					t.Fatal("one object encoded to different bytes")
				}
			}
			out, err := pods.DecodeStored(data, 42)
			if err != nil {
				t.Fatal(err)
			}
			if p := out.(*corev1.Pod); p.Name != "p" || p.ResourceVersion != "42" || p.Labels["e"] != "5" || p.Kind != "Pod" {
				t.Fatalf("decoded %s rv %s labels %v kind %q", p.Name, p.ResourceVersion, p.Labels, p.Kind)
			}
		})
	}
}

func TestCheckStoredMediaType(t *testing.T) {
	for mt, ok := range map[string]bool{StoredJSON: true, StoredProtobuf: true, "application/yaml": false, "": false} {
		if err := CheckStoredMediaType(mt); (err == nil) != ok {
			t.Errorf("CheckStoredMediaType(%q) = %v", mt, err)
		}
	}
}
