package admission

import (
	"maps"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func defaultedRC(mutate ...func(*corev1.ReplicationController)) *corev1.ReplicationController {
	tmpl := podTemplate()
	rc := &corev1.ReplicationController{ObjectMeta: objectMeta("web"), Spec: corev1.ReplicationControllerSpec{Template: &tmpl}}
	for _, m := range mutate {
		m(rc)
	}
	Default(rc)
	return rc
}

func TestDefaultReplicationController(t *testing.T) {
	rc := defaultedRC()
	want := map[string]string{"app": "web"}
	if !maps.Equal(rc.Spec.Selector, want) || !maps.Equal(rc.Labels, want) {
		t.Errorf("selector/labels = %v/%v, want %v", rc.Spec.Selector, rc.Labels, want)
	}
	if *rc.Spec.Replicas != 1 || rc.Spec.Template.Spec.RestartPolicy != corev1.RestartPolicyAlways {
		t.Errorf("replicas/restartPolicy not defaulted: %+v", rc.Spec)
	}
	rc.Spec.Selector["app"] = "changed"
	if rc.Spec.Template.Labels["app"] != "web" {
		t.Errorf("defaulted selector aliases the template labels")
	}
	kept := defaultedRC(func(rc *corev1.ReplicationController) {
		rc.Labels = map[string]string{"owner": "me"}
		rc.Spec.Selector = map[string]string{"app": "web"}
	})
	if !maps.Equal(kept.Labels, map[string]string{"owner": "me"}) {
		t.Errorf("explicit labels overwritten: %v", kept.Labels)
	}
}

func TestValidateReplicationController(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.ReplicationController)
		want   []want
	}{
		{"valid", func(*corev1.ReplicationController) {}, nil},
		{"selector mismatch", func(rc *corev1.ReplicationController) { rc.Spec.Selector = map[string]string{"app": "db"} },
			[]want{invalidAt("spec.template.metadata.labels")}},
		{"no template", func(rc *corev1.ReplicationController) { rc.Spec.Template = nil }, []want{required("spec.template")}},
		{"no selector", func(rc *corev1.ReplicationController) { rc.Spec.Selector = nil }, []want{required("spec.selector")}},
		{"restartPolicy OnFailure", func(rc *corev1.ReplicationController) {
			rc.Spec.Template.Spec.RestartPolicy = corev1.RestartPolicyOnFailure
		}, []want{notSupported("spec.template.spec.restartPolicy")}},
		{"activeDeadlineSeconds", func(rc *corev1.ReplicationController) { rc.Spec.Template.Spec.ActiveDeadlineSeconds = new(int64(10)) },
			[]want{forbidden("spec.template.spec.activeDeadlineSeconds")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := defaultedRC()
			tt.mutate(rc)
			expectErrs(t, ValidateCreate(rc), tt.want...)
		})
	}
}

func TestValidateReplicationControllerUpdate(t *testing.T) {
	old := defaultedRC()
	rc := old.DeepCopy()
	rc.Spec.Selector = map[string]string{"app": "web", "v": "2"}
	rc.Spec.Template.Labels = map[string]string{"app": "web", "v": "2"}
	expectErrs(t, ValidateUpdate(rc, old))
}
