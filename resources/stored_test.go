package resources

import (
	"bytes"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestStoredForm checks the bucket holds no resourceVersion and a read
// takes it from the revision.
func TestStoredForm(t *testing.T) {
	pods, _ := Lookup("", "v1", "pods")
	in := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "ns", ResourceVersion: "7"}}
	data, err := pods.EncodeStored(in)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("resourceVersion")) || !bytes.Contains(data, []byte(`"kind":"Pod"`)) {
		t.Fatalf("stored form %s", data)
	}
	if in.ResourceVersion != "7" {
		t.Fatalf("EncodeStored changed the caller's object: %q", in.ResourceVersion)
	}
	out, err := pods.DecodeStored(data, 42)
	if err != nil {
		t.Fatal(err)
	}
	if p := out.(*corev1.Pod); p.Name != "p" || p.ResourceVersion != "42" {
		t.Fatalf("decoded %s rv %s", p.Name, p.ResourceVersion)
	}
}
