package admission

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func testConfigMap() *corev1.ConfigMap {
	return &corev1.ConfigMap{ObjectMeta: objectMeta("app-config"), Data: map[string]string{"app.properties": "a=b"}}
}

func TestValidateConfigMap(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.ConfigMap)
		want   []want
	}{
		{"valid", func(*corev1.ConfigMap) {}, nil},
		{"bad key", func(cm *corev1.ConfigMap) { cm.Data["a/b"] = "x" }, []want{invalidAt("data[a/b]")}},
		{"key in both", func(cm *corev1.ConfigMap) { cm.BinaryData = map[string][]byte{"app.properties": {1}} },
			[]want{invalidAt("data[app.properties]"), invalidAt("binaryData[app.properties]")}},
		{"too large", func(cm *corev1.ConfigMap) { cm.Data["big"] = strings.Repeat("x", maxDataSize) },
			[]want{{typ: field.ErrorTypeTooLong, path: "data"}}},
		{"bad name", func(cm *corev1.ConfigMap) { cm.Name = "app config" }, []want{invalidAt("metadata.name")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cm := testConfigMap()
			Default(cm)
			tt.mutate(cm)
			expectErrs(t, ValidateCreate(cm), tt.want...)
		})
	}
}

func TestValidateConfigMapUpdate(t *testing.T) {
	tests := []struct {
		name      string
		immutable bool
		mutate    func(*corev1.ConfigMap)
		want      []want
	}{
		{"mutable data change", false, func(cm *corev1.ConfigMap) { cm.Data["x"] = "y" }, nil},
		{"make immutable", false, func(cm *corev1.ConfigMap) { cm.Immutable = new(true) }, nil},
		{"immutable data change", true, func(cm *corev1.ConfigMap) { cm.Data["x"] = "y" }, []want{forbidden("data")}},
		{"immutable unset", true, func(cm *corev1.ConfigMap) { cm.Immutable = nil }, []want{forbidden("immutable")}},
		{"immutable label change", true, func(cm *corev1.ConfigMap) { cm.Labels = map[string]string{"a": "b"} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := testConfigMap()
			if tt.immutable {
				old.Immutable = new(true)
			}
			cm := old.DeepCopy()
			tt.mutate(cm)
			expectErrs(t, ValidateUpdate(cm, old), tt.want...)
		})
	}
}
