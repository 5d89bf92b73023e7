package core

// A filter appends to reasons why pod cannot run on node n, appending nothing
// when it can. Appending into a buffer reused across nodes keeps the
// feasibility pass free of allocations.
type filter func(c *cycle, n *nodeInfo, reasons []string) []string

// filters run in kube-scheduler's default plugin order (NodeUnschedulable,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit; NodeName is
// applied by Schedule). The first failing one gives the node's reasons, as
// upstream's framework stops at the first failing plugin.
var filters = []filter{
	filterUnschedulable,
	filterTaints,
	filterNodeAffinity,
	filterPorts,
	filterResources,
}

// runFilters returns reasons extended with why c's pod does not fit n.
func runFilters(c *cycle, n *nodeInfo, reasons []string) []string {
	for _, f := range filters {
		if out := f(c, n, reasons); len(out) > len(reasons) {
			return out
		}
	}
	return reasons
}
