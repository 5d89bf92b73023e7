package core

// reasonUnschedulable is upstream NodeUnschedulable's ErrReasonUnschedulable.
const reasonUnschedulable = "node(s) were unschedulable"

// filterUnschedulable keeps pods off cordoned nodes (spec.unschedulable),
// unless the pod tolerates the node.kubernetes.io/unschedulable:NoSchedule
// taint, as DaemonSet pods do, so that node agents still run while draining.
func filterUnschedulable(c *cycle, n *nodeInfo, reasons []string) []string {
	if n.unschedulable && !c.toleratesUnschedulable {
		return append(reasons, reasonUnschedulable)
	}
	return reasons
}
