package nodecontroller

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Reasons and messages as kube-controller-manager writes them, plus the one
// kubus writes when a silent node's kubelet is heard from again.
const (
	ReasonUnknown       = "NodeStatusUnknown"
	ReasonNeverUpdated  = "NodeStatusNeverUpdated"
	ReasonLeaseRenewed  = "NodeLeaseRenewed"
	messageStopped      = "Kubelet stopped posting node status."
	messageNeverPosted  = "Kubelet never posted node status."
	messageLeaseRenewed = "Kubelet is renewing its lease again."
)

// kubeletConditions are the conditions only the kubelet can vouch for: all
// of them become Unknown when it falls silent.
var kubeletConditions = []corev1.NodeConditionType{corev1.NodeReady, corev1.NodeMemoryPressure, corev1.NodeDiskPressure, corev1.NodePIDPressure}

// desiredConditions returns node's conditions as they should be, given
// whether its heartbeat is stale, and whether that is a change.
// lastHeartbeatTime is never touched: it is the kubelet's own word, and
// the heartbeat the controller watches.
func desiredConditions(node *corev1.Node, stale bool, now metav1.Time) ([]corev1.NodeCondition, bool) {
	conds := slices.Clone(node.Status.Conditions)
	changed := false
	for i := range conds {
		c := &conds[i]
		if !slices.Contains(kubeletConditions, c.Type) {
			continue
		}
		switch {
		case stale && c.Status != corev1.ConditionUnknown:
			*c = transition(*c, corev1.ConditionUnknown, ReasonUnknown, messageStopped, now)
			changed = true
		case !stale && c.Status == corev1.ConditionUnknown && (c.Reason == ReasonUnknown || c.Reason == ReasonNeverUpdated):
			*c = transition(*c, healthy(c.Type), ReasonLeaseRenewed, messageLeaseRenewed, now)
			changed = true
		}
	}
	if stale && readyCondition(conds) == nil {
		conds = append(conds, corev1.NodeCondition{Type: corev1.NodeReady, Status: corev1.ConditionUnknown, Reason: ReasonNeverUpdated,
			Message: messageNeverPosted, LastTransitionTime: now})
		changed = true
	}
	return conds, changed
}

// healthy is the status a kubelet condition has on a node without trouble.
// Restoring it when only the lease is heard from again is an assumption
// the kubelet corrects with its next status update.
func healthy(t corev1.NodeConditionType) corev1.ConditionStatus {
	if t == corev1.NodeReady {
		return corev1.ConditionTrue
	}
	return corev1.ConditionFalse
}

func transition(c corev1.NodeCondition, s corev1.ConditionStatus, reason, msg string, now metav1.Time) corev1.NodeCondition {
	c.Status, c.Reason, c.Message, c.LastTransitionTime = s, reason, msg, now
	return c
}

// readyCondition is the node's Ready condition, or nil.
func readyCondition(conds []corev1.NodeCondition) *corev1.NodeCondition {
	for i := range conds {
		if conds[i].Type == corev1.NodeReady {
			return &conds[i]
		}
	}
	return nil
}

// isReady reports whether a node exists and its kubelet says Ready.
func isReady(node *corev1.Node) bool {
	c := readyCondition(node.Status.Conditions)
	return c != nil && c.Status == corev1.ConditionTrue
}
