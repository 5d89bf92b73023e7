package admission

import (
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func defaultedDeployment(mutate ...func(*appsv1.Deployment)) *appsv1.Deployment {
	d := &appsv1.Deployment{
		ObjectMeta: objectMeta("web"),
		Spec: appsv1.DeploymentSpec{
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "web"}},
			Template: podTemplate(),
		},
	}
	for _, m := range mutate {
		m(d)
	}
	Default(d)
	return d
}

func TestDefaultDeployment(t *testing.T) {
	s := defaultedDeployment().Spec
	if *s.Replicas != 1 || *s.RevisionHistoryLimit != 10 || *s.ProgressDeadlineSeconds != 600 {
		t.Errorf("replicas/revisionHistoryLimit/progressDeadlineSeconds = %d/%d/%d", *s.Replicas, *s.RevisionHistoryLimit, *s.ProgressDeadlineSeconds)
	}
	ru := s.Strategy.RollingUpdate
	if s.Strategy.Type != appsv1.RollingUpdateDeploymentStrategyType || ru == nil ||
		*ru.MaxSurge != intstr.FromString("25%") || *ru.MaxUnavailable != intstr.FromString("25%") {
		t.Errorf("strategy = %+v", s.Strategy)
	}
	ps := s.Template.Spec
	if ps.RestartPolicy != corev1.RestartPolicyAlways || ps.DNSPolicy != corev1.DNSClusterFirst ||
		ps.Containers[0].ImagePullPolicy != corev1.PullAlways || ps.Containers[0].TerminationMessagePath == "" {
		t.Errorf("template not defaulted: %+v", ps)
	}
	if ps.EnableServiceLinks != nil || len(ps.Tolerations) != 0 || ps.Priority != nil {
		t.Errorf("template got pod-only defaults: %+v", ps)
	}
	recreate := defaultedDeployment(func(d *appsv1.Deployment) { d.Spec.Strategy.Type = appsv1.RecreateDeploymentStrategyType })
	if recreate.Spec.Strategy.RollingUpdate != nil {
		t.Errorf("Recreate strategy got rollingUpdate")
	}
}

func TestValidateDeployment(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*appsv1.Deployment)
		want   []want
	}{
		{"valid", func(*appsv1.Deployment) {}, nil},
		{"no selector", func(d *appsv1.Deployment) { d.Spec.Selector = nil },
			[]want{required("spec.selector"), invalidAt("spec.template.metadata.labels")}},
		{"empty selector", func(d *appsv1.Deployment) { d.Spec.Selector = &metav1.LabelSelector{} }, []want{invalidAt("spec.selector")}},
		{"selector mismatch", func(d *appsv1.Deployment) { d.Spec.Template.Labels = map[string]string{"app": "api"} },
			[]want{invalidAt("spec.template.metadata.labels")}},
		{"negative replicas", func(d *appsv1.Deployment) { d.Spec.Replicas = new(int32(-1)) }, []want{invalidAt("spec.replicas")}},
		{"restartPolicy Never", func(d *appsv1.Deployment) { d.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicyNever },
			[]want{notSupported("spec.template.spec.restartPolicy")}},
		{"no image", func(d *appsv1.Deployment) { d.Spec.Template.Spec.Containers[0].Image = "" },
			[]want{required("spec.template.spec.containers[0].image")}},
		{"bad strategy", func(d *appsv1.Deployment) { d.Spec.Strategy.Type = "BlueGreen" }, []want{notSupported("spec.strategy.type")}},
		{"recreate with rollingUpdate", func(d *appsv1.Deployment) { d.Spec.Strategy.Type = appsv1.RecreateDeploymentStrategyType },
			[]want{forbidden("spec.strategy.rollingUpdate")}},
		{"both zero", func(d *appsv1.Deployment) {
			d.Spec.Strategy.RollingUpdate.MaxSurge = new(intstr.FromInt32(0))
			d.Spec.Strategy.RollingUpdate.MaxUnavailable = new(intstr.FromString("0%"))
		}, []want{invalidAt("spec.strategy.rollingUpdate.maxUnavailable")}},
		{"maxUnavailable over 100%", func(d *appsv1.Deployment) {
			d.Spec.Strategy.RollingUpdate.MaxUnavailable = new(intstr.FromString("150%"))
		}, []want{invalidAt("spec.strategy.rollingUpdate.maxUnavailable")}},
		{"bad percent", func(d *appsv1.Deployment) { d.Spec.Strategy.RollingUpdate.MaxSurge = new(intstr.FromString("x%")) },
			[]want{invalidAt("spec.strategy.rollingUpdate.maxSurge")}},
		{"progress deadline below minReady", func(d *appsv1.Deployment) { d.Spec.MinReadySeconds = 600 },
			[]want{invalidAt("spec.progressDeadlineSeconds")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := defaultedDeployment()
			tt.mutate(d)
			expectErrs(t, ValidateCreate(d), tt.want...)
		})
	}
}

func TestValidateDeploymentMessage(t *testing.T) {
	d := defaultedDeployment(func(d *appsv1.Deployment) { d.Spec.Template.Labels = map[string]string{"app": "api"} })
	expectMessage(t, ValidateCreate(d), "spec.template.metadata.labels", "`selector` does not match template `labels`")
}

func TestValidateDeploymentUpdate(t *testing.T) {
	old := defaultedDeployment()
	scaled := old.DeepCopy()
	scaled.Spec.Replicas = new(int32(5))
	scaled.Spec.Template.Spec.Containers[0].Image = "nginx:1.28"
	expectErrs(t, ValidateUpdate(scaled, old))

	moved := old.DeepCopy()
	moved.Spec.Selector.MatchLabels["tier"] = "web"
	moved.Spec.Template.Labels["tier"] = "web"
	expectErrs(t, ValidateUpdate(moved, old), invalidAt("spec.selector"))
	expectMessage(t, ValidateUpdate(moved, old), "spec.selector", "field is immutable")
}
