package admission

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestValidatePodUpdate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Pod)
		want   []want
	}{
		{"no change", func(*corev1.Pod) {}, nil},
		{"image change", func(p *corev1.Pod) { p.Spec.Containers[0].Image = "nginx:1.28" }, nil},
		{"label change", func(p *corev1.Pod) { p.Labels = map[string]string{"tier": "web"} }, nil},
		{"empty resourceVersion", func(p *corev1.Pod) { p.ResourceVersion = "" }, nil},
		{"add toleration", func(p *corev1.Pod) {
			p.Spec.Tolerations = append(p.Spec.Tolerations, corev1.Toleration{Key: "gpu", Operator: corev1.TolerationOpExists})
		}, nil},
		{"change tolerationSeconds", func(p *corev1.Pod) { p.Spec.Tolerations[0].TolerationSeconds = new(int64(10)) }, nil},
		{"remove toleration", func(p *corev1.Pod) { p.Spec.Tolerations = p.Spec.Tolerations[1:] },
			[]want{forbidden("spec.tolerations")}},
		{"set activeDeadlineSeconds", func(p *corev1.Pod) { p.Spec.ActiveDeadlineSeconds = new(int64(60)) }, nil},
		{"change ports", func(p *corev1.Pod) {
			p.Spec.Containers[0].Ports = []corev1.ContainerPort{{ContainerPort: 80, Protocol: corev1.ProtocolTCP}}
		}, []want{forbidden("spec")}},
		{"change nodeName", func(p *corev1.Pod) { p.Spec.NodeName = "node-b" }, []want{forbidden("spec")}},
		{"add container", func(p *corev1.Pod) {
			c := p.Spec.Containers[0]
			c.Name = "sidecar"
			p.Spec.Containers = append(p.Spec.Containers, c)
		}, []want{forbidden("spec.containers")}},
		{"rename", func(p *corev1.Pod) { p.Name = "other" }, []want{invalidAt("metadata.name")}},
		{"change uid", func(p *corev1.Pod) { p.UID = "uid-2" }, []want{invalidAt("metadata.uid")}},
		{"change creationTimestamp", func(p *corev1.Pod) { p.CreationTimestamp = metav1.Unix(10, 0) },
			[]want{invalidAt("metadata.creationTimestamp")}},
		{"change namespace", func(p *corev1.Pod) { p.Namespace = "kube-system" }, []want{invalidAt("metadata.namespace")}},
		{"invalid new image", func(p *corev1.Pod) { p.Spec.Containers[0].Image = "" }, []want{required("spec.containers[0].image")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := defaultedPod(func(p *corev1.Pod) { p.Spec.NodeName = "node-a" })
			p := old.DeepCopy()
			tt.mutate(p)
			expectErrs(t, ValidateUpdate(p, old), tt.want...)
		})
	}
}

func TestValidatePodUpdateMessage(t *testing.T) {
	old := defaultedPod()
	p := old.DeepCopy()
	p.Spec.Containers[0].Args = []string{"-v"}
	errs := ValidateUpdate(p, old)
	expectMessage(t, errs, "spec", "pod updates may not change fields other than `spec.containers[*].image`")
	if len(errs) == 0 || !strings.Contains(errs[0].Detail, "spec.containers[0].args") {
		t.Errorf("message does not name the changed field: %v", errs)
	}
}

func TestValidatePodUpdateActiveDeadline(t *testing.T) {
	tests := []struct {
		name     string
		old, new *int64
		want     []want
	}{
		{"lower", new(int64(60)), new(int64(30)), nil},
		{"raise", new(int64(30)), new(int64(60)), []want{invalidAt("spec.activeDeadlineSeconds")}},
		{"unset", new(int64(30)), nil, []want{invalidAt("spec.activeDeadlineSeconds")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := defaultedPod(func(p *corev1.Pod) { p.Spec.ActiveDeadlineSeconds = tt.old })
			p := old.DeepCopy()
			p.Spec.ActiveDeadlineSeconds = tt.new
			expectErrs(t, ValidateUpdate(p, old), tt.want...)
		})
	}
}
