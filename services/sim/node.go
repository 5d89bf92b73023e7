package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// What a sim node reports about its software, so that `kubectl get nodes
// -o wide` tells sim nodes from real ones at a glance.
const (
	KubeletVersion = "v1.32.0-kubus-sim"
	RuntimeVersion = "sim://1"
	// TypeLabel marks sim nodes (type=kubus-sim), e.g. for node selectors.
	TypeLabel = "kubus-sim"
)

// buildNode is the Node a sim kubelet registers, status included, as
// kubelet sends it on its first start.
func buildNode(cfg *Config, n *simNode, now metav1.Time) *corev1.Node {
	return &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: n.name, Labels: nodeLabels(cfg, n)},
		Spec:       corev1.NodeSpec{Taints: cfg.Taints},
		Status:     nodeStatus(cfg, n, now, nil),
	}
}

// nodeLabels are kubelet's well-known labels plus --labels; the hostname
// label always names the node itself.
func nodeLabels(cfg *Config, n *simNode) map[string]string {
	l := map[string]string{
		corev1.LabelOSStable:   "linux",
		corev1.LabelArchStable: "amd64",
		"type":                 TypeLabel,
	}
	maps.Copy(l, cfg.Labels)
	l[corev1.LabelHostname] = n.name
	return l
}

// nodeStatus is the full status a node posts at now. Conditions keep their
// lastTransitionTime from prev while their status is unchanged, so a
// heartbeat is not mistaken for a transition.
func nodeStatus(cfg *Config, n *simNode, now metav1.Time, prev *corev1.Node) corev1.NodeStatus {
	id := nodeID(n.name)
	return corev1.NodeStatus{
		Capacity:    cfg.Capacity,
		Allocatable: cfg.Capacity,
		Conditions:  nodeConditions(now, prev),
		Addresses: []corev1.NodeAddress{
			{Type: corev1.NodeInternalIP, Address: n.ip},
			{Type: corev1.NodeHostName, Address: n.name},
		},
		DaemonEndpoints: corev1.NodeDaemonEndpoints{KubeletEndpoint: corev1.DaemonEndpoint{Port: 10250}},
		NodeInfo: corev1.NodeSystemInfo{
			MachineID: id, SystemUUID: id, BootID: id,
			KernelVersion: "kubus-sim", OSImage: "kubus sim",
			ContainerRuntimeVersion: RuntimeVersion, KubeletVersion: KubeletVersion,
			OperatingSystem: "linux", Architecture: "amd64",
		},
	}
}

// nodeConditions: Ready, with no memory, disk or PID pressure.
func nodeConditions(now metav1.Time, prev *corev1.Node) []corev1.NodeCondition {
	conds := []corev1.NodeCondition{
		{Type: corev1.NodeMemoryPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientMemory", Message: "kubelet has sufficient memory available"},
		{Type: corev1.NodeDiskPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasNoDiskPressure", Message: "kubelet has no disk pressure"},
		{Type: corev1.NodePIDPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientPID", Message: "kubelet has sufficient PID available"},
		{Type: corev1.NodeReady, Status: corev1.ConditionTrue, Reason: "KubeletReady", Message: "kubelet is posting ready status"},
	}
	for i := range conds {
		c := &conds[i]
		c.LastHeartbeatTime, c.LastTransitionTime = now, now
		if old := findNodeCondition(prev, c.Type); old != nil && old.Status == c.Status {
			c.LastTransitionTime = old.LastTransitionTime
		}
	}
	return conds
}

func findNodeCondition(n *corev1.Node, t corev1.NodeConditionType) *corev1.NodeCondition {
	if n == nil {
		return nil
	}
	for i := range n.Status.Conditions {
		if n.Status.Conditions[i].Type == t {
			return &n.Status.Conditions[i]
		}
	}
	return nil
}

// nodeID is a stable machine ID per node name, as a real host keeps its own.
func nodeID(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:16])
}
