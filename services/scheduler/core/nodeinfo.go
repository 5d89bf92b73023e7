package core

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// nodeInfo is one node with the aggregates of the pods bound to it, kept up
// to date incrementally so that filters and scores never walk its pods.
type nodeInfo struct {
	name string
	// node is nil for a placeholder: pods bound to a node the snapshot does
	// not know (yet, or any more). It keeps their accounting but is never a
	// candidate.
	node *corev1.Node
	idx  int // position in Snapshot.list, -1 when not a candidate

	// Derived from the node object.
	labels        map[string]string
	alloc         resources
	allowedPods   int64
	unschedulable bool
	hardTaints    []hardTaint    // NoSchedule and NoExecute
	softTaints    []corev1.Taint // PreferNoSchedule

	// Aggregated from the pods bound to the node.
	requested              resources // as requested, for the fit check
	nonZeroCPU, nonZeroMem int64     // with upstream defaults, for scoring
	numPods                int64
	ports                  hostPorts
	spread                 map[uint32]int32 // pods per group (spreadIDs)
}

// hardTaint is a taint that keeps pods off, with its FitError reason
// formatted once per node update instead of once per rejected pod.
type hardTaint struct {
	taint  corev1.Taint
	reason string
}

// notReadyTaint is what upstream's node lifecycle controller puts on a node
// whose Ready condition is not True; kubus may run without that controller,
// so the scheduler adds it itself, and the pod's tolerations decide.
var notReadyTaint = corev1.Taint{Key: corev1.TaintNodeNotReady, Effect: corev1.TaintEffectNoSchedule}

func newNodeInfo(name string) *nodeInfo {
	return &nodeInfo{name: name, idx: -1}
}

// setNode refreshes what derives from the node object; the pods' aggregates
// are unaffected, so a node update costs O(taints).
func (n *nodeInfo) setNode(node *corev1.Node) {
	n.node = node
	n.labels = node.Labels
	n.alloc = toResources(node.Status.Allocatable)
	n.allowedPods = node.Status.Allocatable.Pods().Value()
	n.unschedulable = node.Spec.Unschedulable
	n.hardTaints, n.softTaints = nil, nil
	if !isReady(node) && !hasTaint(node.Spec.Taints, notReadyTaint) {
		n.addTaint(notReadyTaint)
	}
	for _, t := range node.Spec.Taints {
		n.addTaint(t)
	}
}

func (n *nodeInfo) addTaint(t corev1.Taint) {
	switch t.Effect {
	case corev1.TaintEffectNoSchedule, corev1.TaintEffectNoExecute:
		reason := fmt.Sprintf("node(s) had untolerated taint {%s: %s}", t.Key, t.Value)
		n.hardTaints = append(n.hardTaints, hardTaint{taint: t, reason: reason})
	case corev1.TaintEffectPreferNoSchedule:
		n.softTaints = append(n.softTaints, t)
	}
}

func isReady(node *corev1.Node) bool {
	for _, c := range node.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func hasTaint(taints []corev1.Taint, t corev1.Taint) bool {
	for i := range taints {
		if taints[i].MatchTaint(&t) {
			return true
		}
	}
	return false
}

// empty reports whether a placeholder can be dropped.
func (n *nodeInfo) empty() bool {
	return n.node == nil && n.numPods == 0
}
