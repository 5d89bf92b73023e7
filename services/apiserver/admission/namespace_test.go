package admission

import (
	"slices"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestDefaultNamespace(t *testing.T) {
	tests := []struct {
		name       string
		ns         corev1.Namespace
		finalizers []corev1.FinalizerName
	}{
		{"new", corev1.Namespace{}, []corev1.FinalizerName{"kubernetes"}},
		{"custom finalizer", corev1.Namespace{Spec: corev1.NamespaceSpec{Finalizers: []corev1.FinalizerName{"example.com/x"}}},
			[]corev1.FinalizerName{"example.com/x", "kubernetes"}},
		{"terminating", corev1.Namespace{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: new(metav1.Unix(1, 0))}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := tt.ns
			Default(&ns)
			if !slices.Equal(ns.Spec.Finalizers, tt.finalizers) {
				t.Errorf("finalizers = %v, want %v", ns.Spec.Finalizers, tt.finalizers)
			}
			if ns.Status.Phase != corev1.NamespaceActive {
				t.Errorf("phase = %q, want Active", ns.Status.Phase)
			}
		})
	}
}

func TestValidateNamespace(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Namespace)
		want   []want
	}{
		{"valid", func(*corev1.Namespace) {}, nil},
		{"dot in name", func(ns *corev1.Namespace) { ns.Name = "team.a" }, []want{invalidAt("metadata.name")}},
		{"uppercase name", func(ns *corev1.Namespace) { ns.Name = "Team" }, []want{invalidAt("metadata.name")}},
		{"namespace ignored", func(ns *corev1.Namespace) { ns.Namespace = "default" }, nil},
		{"bad finalizer", func(ns *corev1.Namespace) { ns.Spec.Finalizers = append(ns.Spec.Finalizers, "custom") },
			[]want{invalidAt("spec.finalizers")}},
		{"bad annotation", func(ns *corev1.Namespace) { ns.Annotations = map[string]string{"-x": "y"} },
			[]want{invalidAt("metadata.annotations")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "team-a"}}
			Default(ns)
			tt.mutate(ns)
			expectErrs(t, ValidateCreate(ns), tt.want...)
		})
	}
}

func TestValidateNamespaceUpdate(t *testing.T) {
	old := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "team-a", ResourceVersion: "3"}}
	Default(old)
	relabelled := old.DeepCopy()
	relabelled.Labels = map[string]string{"env": "prod"}
	expectErrs(t, ValidateUpdate(relabelled, old))
	renamed := old.DeepCopy()
	renamed.Name = "team-b"
	expectErrs(t, ValidateUpdate(renamed, old), invalidAt("metadata.name"))
}
