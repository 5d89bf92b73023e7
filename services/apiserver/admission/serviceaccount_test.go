package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestValidateServiceAccount(t *testing.T) {
	tests := []struct {
		name string
		sa   string
		want []want
	}{
		{"valid", "builder", nil},
		{"subdomain", "ci.builder", nil},
		{"bad", "Builder!", []want{invalidAt("metadata.name")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa := &corev1.ServiceAccount{ObjectMeta: objectMeta(tt.sa)}
			Default(sa)
			expectErrs(t, ValidateCreate(sa), tt.want...)
		})
	}
}

func TestValidateServiceAccountUpdate(t *testing.T) {
	old := &corev1.ServiceAccount{ObjectMeta: objectMeta("builder")}
	sa := old.DeepCopy()
	sa.Secrets = []corev1.ObjectReference{{Name: "token"}}
	expectErrs(t, ValidateUpdate(sa, old))
	sa.Namespace = "other"
	expectErrs(t, ValidateUpdate(sa, old), invalidAt("metadata.namespace"))
}
