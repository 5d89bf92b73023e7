package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func node(name string, ready corev1.ConditionStatus, labels map[string]string) *corev1.Node {
	n := &corev1.Node{ObjectMeta: objMeta(name, 10*24*time.Hour)}
	n.Namespace, n.Labels = "", labels
	n.Status.Conditions = []corev1.NodeCondition{
		{Type: corev1.NodeMemoryPressure, Status: corev1.ConditionFalse},
		{Type: corev1.NodeReady, Status: ready},
	}
	n.Status.Addresses = []corev1.NodeAddress{
		{Type: corev1.NodeHostName, Address: name},
		{Type: corev1.NodeInternalIP, Address: "172.18.0.2"},
	}
	n.Status.NodeInfo = corev1.NodeSystemInfo{KubeletVersion: "v1.32.2", OSImage: "Debian GNU/Linux 12 (bookworm)",
		KernelVersion: "6.8.0-45-generic", ContainerRuntimeVersion: "containerd://1.7.24"}
	return n
}

func TestNodeRows(t *testing.T) {
	info := []interface{}{"Debian GNU/Linux 12 (bookworm)", "6.8.0-45-generic", "containerd://1.7.24"}
	row := func(name, status, roles, external string) []interface{} {
		return append([]interface{}{name, status, roles, "10d", "v1.32.2", "172.18.0.2", external}, info...)
	}

	controlPlane := node("cp-1", corev1.ConditionTrue, map[string]string{
		"node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/master": "", "kubernetes.io/role": "etcd",
	})
	controlPlane.Status.Addresses = append(controlPlane.Status.Addresses, corev1.NodeAddress{Type: corev1.NodeExternalIP, Address: "203.0.113.7"})
	cordoned := node("w-2", corev1.ConditionTrue, nil)
	cordoned.Spec.Unschedulable = true
	cordonedDown := node("w-3", corev1.ConditionFalse, nil)
	cordonedDown.Spec.Unschedulable = true
	unknown := node("w-4", corev1.ConditionTrue, nil)
	unknown.Status.Conditions = nil
	bare := &corev1.Node{ObjectMeta: objMeta("bare", time.Hour)}

	checkRows(t, schema.GroupResource{Resource: "nodes"}, []rowCase{
		{"ready control plane", controlPlane, row("cp-1", "Ready", "control-plane,etcd,master", "203.0.113.7")},
		{"not ready", node("w-1", corev1.ConditionFalse, nil), row("w-1", "NotReady", "<none>", "<none>")},
		{"ready unknown", node("w-5", corev1.ConditionUnknown, nil), row("w-5", "NotReady", "<none>", "<none>")},
		{"cordoned", cordoned, row("w-2", "Ready,SchedulingDisabled", "<none>", "<none>")},
		{"cordoned not ready", cordonedDown, row("w-3", "NotReady,SchedulingDisabled", "<none>", "<none>")},
		{"no conditions", unknown, row("w-4", "Unknown", "<none>", "<none>")},
		{"bare", bare, []interface{}{"bare", "Unknown", "<none>", "60m", "", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"}},
	})
}
