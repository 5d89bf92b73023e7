package core

// reasonAffinity is upstream NodeAffinity's ErrReasonPod, used for both the
// node selector and required node affinity.
const reasonAffinity = "node(s) didn't match Pod's node affinity/selector"

// filterNodeAffinity requires every spec.nodeSelector label (present, equal
// value) and, when the pod has required node affinity, one of its terms to
// match: terms are ORed, a term's matchExpressions (In, NotIn, Exists,
// DoesNotExist, Gt, Lt on labels) and matchFields (metadata.name) ANDed.
func filterNodeAffinity(c *cycle, n *nodeInfo, reasons []string) []string {
	if !selects(c.pod.Spec.NodeSelector, n.labels) || (c.hasRequired && !matchesAnyTerm(c.required, n)) {
		return append(reasons, reasonAffinity)
	}
	return reasons
}
