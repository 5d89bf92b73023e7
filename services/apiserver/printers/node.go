package printers

import (
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

const (
	// labelNodeRolePrefix marks a role with node-role.kubernetes.io/<role>.
	labelNodeRolePrefix = "node-role.kubernetes.io/"
	// labelNodeRole marks a role with kubernetes.io/role=<role>.
	labelNodeRole = "kubernetes.io/role"
)

func nodePrinter() Printer {
	info := corev1.NodeSystemInfo{}.SwaggerDoc()
	addresses := corev1.NodeStatus{}.SwaggerDoc()["addresses"]
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("Status", "The status of the node"),
			column("Roles", "The roles of the node"),
			ageColumn(),
			column("Version", info["kubeletVersion"]),
			wide(column("Internal-IP", addresses)),
			wide(column("External-IP", addresses)),
			wide(column("OS-Image", info["osImage"])),
			wide(column("Kernel-Version", info["kernelVersion"])),
			wide(column("Container-Runtime", info["containerRuntimeVersion"])),
		},
		Cells: typed(nodeCells),
	}
}

func nodeCells(n *corev1.Node, now time.Time) []interface{} {
	info := n.Status.NodeInfo
	return []interface{}{
		n.Name,
		nodeStatus(n),
		orDefault(strings.Join(nodeRoles(n), ","), "<none>"),
		age(n.CreationTimestamp, now),
		info.KubeletVersion,
		nodeAddress(n, corev1.NodeInternalIP),
		nodeAddress(n, corev1.NodeExternalIP),
		orDefault(info.OSImage, "<unknown>"),
		orDefault(info.KernelVersion, "<unknown>"),
		orDefault(info.ContainerRuntimeVersion, "<unknown>"),
	}
}

// nodeStatus is "Ready", "NotReady" or "Unknown" (no Ready condition),
// plus ",SchedulingDisabled" for cordoned nodes.
func nodeStatus(n *corev1.Node) string {
	status := "Unknown"
	for _, c := range n.Status.Conditions {
		if c.Type != corev1.NodeReady {
			continue
		}
		status = "Not" + string(corev1.NodeReady)
		if c.Status == corev1.ConditionTrue {
			status = string(corev1.NodeReady)
		}
	}
	if n.Spec.Unschedulable {
		status += ",SchedulingDisabled"
	}
	return status
}

// nodeRoles returns the sorted, de-duplicated roles from the node labels.
func nodeRoles(n *corev1.Node) []string {
	set := map[string]bool{}
	for k, v := range n.Labels {
		switch {
		case strings.HasPrefix(k, labelNodeRolePrefix):
			if role := strings.TrimPrefix(k, labelNodeRolePrefix); role != "" {
				set[role] = true
			}
		case k == labelNodeRole && v != "":
			set[v] = true
		}
	}
	roles := make([]string, 0, len(set))
	for r := range set {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	return roles
}

// nodeAddress returns the first address of a type, or "<none>".
func nodeAddress(n *corev1.Node, t corev1.NodeAddressType) string {
	for _, a := range n.Status.Addresses {
		if a.Type == t {
			return a.Address
		}
	}
	return "<none>"
}
