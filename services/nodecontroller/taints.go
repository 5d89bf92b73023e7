package nodecontroller

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ownTaints are the taints this controller manages: by taint key, and for
// each the NoSchedule variant (keeps new pods off) and the NoExecute one
// (evicts running pods once their tolerations run out).
var ownTaints = []corev1.Taint{
	{Key: corev1.TaintNodeUnreachable, Effect: corev1.TaintEffectNoSchedule},
	{Key: corev1.TaintNodeUnreachable, Effect: corev1.TaintEffectNoExecute},
	{Key: corev1.TaintNodeNotReady, Effect: corev1.TaintEffectNoSchedule},
	{Key: corev1.TaintNodeNotReady, Effect: corev1.TaintEffectNoExecute},
}

// wantedKey is the taint key a node's Ready condition calls for: unreachable
// when Unknown (nobody heard from it), not-ready when the kubelet itself
// says False, none otherwise.
func wantedKey(ready *corev1.NodeCondition) string {
	switch {
	case ready == nil:
		return ""
	case ready.Status == corev1.ConditionUnknown:
		return corev1.TaintNodeUnreachable
	case ready.Status == corev1.ConditionFalse:
		return corev1.TaintNodeNotReady
	}
	return ""
}

// desiredTaints returns the node's taints with this controller's set to
// match its Ready condition, and whether that is a change. Taints kept keep
// their timeAdded: eviction deadlines count from it.
func desiredTaints(node *corev1.Node, now metav1.Time) ([]corev1.Taint, bool) {
	key := wantedKey(readyCondition(node.Status.Conditions))
	var out []corev1.Taint
	changed := false
	for _, t := range node.Spec.Taints {
		if isOwn(t) && t.Key != key {
			changed = true
			continue
		}
		out = append(out, t)
	}
	for _, t := range ownTaints {
		if t.Key != key || slices.ContainsFunc(out, same(t)) {
			continue
		}
		if t.Effect == corev1.TaintEffectNoExecute {
			t.TimeAdded = &now
		}
		out = append(out, t)
		changed = true
	}
	return out, changed
}

func isOwn(t corev1.Taint) bool { return slices.ContainsFunc(ownTaints, same(t)) }

// same matches taints with t's key and effect.
func same(t corev1.Taint) func(corev1.Taint) bool {
	return func(o corev1.Taint) bool { return o.MatchTaint(&t) }
}
