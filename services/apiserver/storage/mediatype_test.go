package storage

import (
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
	"github.com/kubus-dev/kubus/resources"
)

// TestMediaTypesShareABucket: a bucket written as JSON (an older kubus, or
// --storage-media-type=application/json) stays readable and writable by a
// store that writes protobuf, and the other way round.
func TestMediaTypesShareABucket(t *testing.T) {
	kv := bustest.New(t).KVWith(bus.KVConfig{Bucket: "objects"})
	stores := map[string]*Store{}
	for _, mt := range []string{resources.StoredJSON, resources.StoredProtobuf} {
		s := runStore(t, Config{KV: kv, MediaType: mt})
		stores[mt] = s
	}
	js, pb := stores[resources.StoredJSON], stores[resources.StoredProtobuf]
	mustCreate(t, js, "written-as-json", "1")
	mustCreate(t, pb, "written-as-protobuf", "1")
	for _, tt := range []struct {
		name          string
		writer, other *Store
	}{{"written-as-json", pb, js}, {"written-as-protobuf", js, pb}} {
		if _, err := tt.writer.GuaranteedUpdate(t.Context(), configMaps, "default", tt.name, setValue("2")); err != nil {
			t.Fatalf("update of %s: %v", tt.name, err)
		}
		got, err := tt.other.Get(t.Context(), configMaps, "default", tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if v := got.(*corev1.ConfigMap).Data["v"]; v != "2" {
			t.Errorf("%s read back as %q after an update in the other format, want 2", tt.name, v)
		}
	}
	if _, err := New(Config{KV: kv, MediaType: "application/yaml"}); err == nil {
		t.Error("a store accepted application/yaml as its media type")
	}
}
