package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func testNode() *corev1.Node {
	return &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "node-1.example.com", ResourceVersion: "1"}}
}

func TestDefaultNode(t *testing.T) {
	n := testNode()
	n.Status.Capacity = corev1.ResourceList{"cpu": resource.MustParse("4")}
	Default(n)
	if cpu := n.Status.Allocatable["cpu"]; cpu.String() != "4" {
		t.Errorf("allocatable cpu = %s, want 4", cpu.String())
	}
}

func TestValidateNode(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Node)
		want   []want
	}{
		{"valid", func(*corev1.Node) {}, nil},
		{"bad name", func(n *corev1.Node) { n.Name = "Node_1" }, []want{invalidAt("metadata.name")}},
		{"bad taint effect", func(n *corev1.Node) { n.Spec.Taints = []corev1.Taint{{Key: "k", Effect: "Evict"}} },
			[]want{notSupported("spec.taints[0].effect")}},
		{"duplicate taint", func(n *corev1.Node) {
			n.Spec.Taints = []corev1.Taint{{Key: "k", Effect: corev1.TaintEffectNoSchedule}, {Key: "k", Value: "v", Effect: corev1.TaintEffectNoSchedule}}
		}, []want{duplicate("spec.taints[1]")}},
		{"bad podCIDR", func(n *corev1.Node) { n.Spec.PodCIDRs = []string{"10.244.0.0"} }, []want{invalidAt("spec.podCIDRs[0]")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := testNode()
			tt.mutate(n)
			expectErrs(t, ValidateCreate(n), tt.want...)
		})
	}
}

func TestValidateNodeUpdate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Node)
		want   []want
	}{
		{"status and labels", func(n *corev1.Node) {
			n.Labels = map[string]string{"role": "worker"}
			n.Status.Phase = corev1.NodeRunning
		}, nil},
		{"add taint", func(n *corev1.Node) { n.Spec.Taints = []corev1.Taint{{Key: "k", Effect: corev1.TaintEffectNoExecute}} }, nil},
		{"cordon", func(n *corev1.Node) { n.Spec.Unschedulable = true }, nil},
		{"change podCIDRs", func(n *corev1.Node) { n.Spec.PodCIDRs = []string{"10.245.0.0/24"} }, []want{forbidden("spec.podCIDRs")}},
		{"change providerID", func(n *corev1.Node) { n.Spec.ProviderID = "kubus://b" }, []want{forbidden("spec.providerID")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := testNode()
			old.Spec.PodCIDRs, old.Spec.ProviderID = []string{"10.244.0.0/24"}, "kubus://a"
			n := old.DeepCopy()
			tt.mutate(n)
			expectErrs(t, ValidateUpdate(n, old), tt.want...)
		})
	}
}
