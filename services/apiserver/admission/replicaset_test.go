package admission

import (
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func defaultedReplicaSet(mutate ...func(*appsv1.ReplicaSet)) *appsv1.ReplicaSet {
	rs := &appsv1.ReplicaSet{
		ObjectMeta: objectMeta("web-5d8f"),
		Spec: appsv1.ReplicaSetSpec{
			Selector: &metav1.LabelSelector{MatchExpressions: []metav1.LabelSelectorRequirement{
				{Key: "app", Operator: metav1.LabelSelectorOpIn, Values: []string{"web", "api"}},
			}},
			Template: podTemplate(),
		},
	}
	for _, m := range mutate {
		m(rs)
	}
	Default(rs)
	return rs
}

func TestDefaultReplicaSet(t *testing.T) {
	rs := defaultedReplicaSet()
	if rs.Spec.Replicas == nil || *rs.Spec.Replicas != 1 {
		t.Errorf("replicas = %v, want 1", rs.Spec.Replicas)
	}
	if rs.Spec.Template.Spec.SchedulerName != corev1.DefaultSchedulerName {
		t.Errorf("template schedulerName = %q", rs.Spec.Template.Spec.SchedulerName)
	}
}

func TestValidateReplicaSet(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*appsv1.ReplicaSet)
		want   []want
	}{
		{"valid", func(*appsv1.ReplicaSet) {}, nil},
		{"bad selector operator", func(rs *appsv1.ReplicaSet) { rs.Spec.Selector.MatchExpressions[0].Operator = "Like" },
			[]want{invalidAt("spec.selector.matchExpressions[0].operator"), invalidAt("spec.selector")}},
		{"selector mismatch", func(rs *appsv1.ReplicaSet) { rs.Spec.Template.Labels = map[string]string{"app": "db"} },
			[]want{invalidAt("spec.template.metadata.labels")}},
		{"negative replicas", func(rs *appsv1.ReplicaSet) { rs.Spec.Replicas = new(int32(-3)) }, []want{invalidAt("spec.replicas")}},
		{"activeDeadlineSeconds", func(rs *appsv1.ReplicaSet) { rs.Spec.Template.Spec.ActiveDeadlineSeconds = new(int64(10)) },
			[]want{invalidAt("spec.template.spec.activeDeadlineSeconds")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := defaultedReplicaSet()
			tt.mutate(rs)
			expectErrs(t, ValidateCreate(rs), tt.want...)
		})
	}
}

func TestValidateReplicaSetUpdate(t *testing.T) {
	old := defaultedReplicaSet()
	scaled := old.DeepCopy()
	scaled.Spec.Replicas = new(int32(3))
	expectErrs(t, ValidateUpdate(scaled, old))

	moved := old.DeepCopy()
	moved.Spec.Selector.MatchExpressions[0].Values = []string{"web"}
	expectErrs(t, ValidateUpdate(moved, old), invalidAt("spec.selector"))
}
