package core

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/klog/v2"
)

// filterTaints is upstream TaintToleration's filter: the first NoSchedule or
// NoExecute taint that no toleration of the pod tolerates keeps it off, with
// reason "node(s) had untolerated taint {key: value}". A node whose Ready
// condition is not True carries node.kubernetes.io/not-ready:NoSchedule here
// (see notReadyTaint), so readiness is decided by tolerations as upstream.
func filterTaints(c *cycle, n *nodeInfo, reasons []string) []string {
	for i := range n.hardTaints {
		if !tolerated(c.pod.Spec.Tolerations, &n.hardTaints[i].taint) {
			return append(reasons, n.hardTaints[i].reason)
		}
	}
	return reasons
}

// tolerated reports whether any toleration tolerates taint, with upstream's
// matching (including the numeric Gt/Lt operators, which the API server
// admits only where enabled). The zero logger discards parse complaints about
// such values, which then simply do not tolerate.
func tolerated(tolerations []corev1.Toleration, taint *corev1.Taint) bool {
	for i := range tolerations {
		if tolerations[i].ToleratesTaint(klog.Logger{}, taint, true) {
			return true
		}
	}
	return false
}
