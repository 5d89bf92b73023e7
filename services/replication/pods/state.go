// Package pods answers what the replication controllers ask of a pod: does
// it count, is it ready or available, and which pods to delete first.
package pods

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// IsActive reports whether a pod counts toward its controller's replicas:
// it has neither finished nor begun terminating.
func IsActive(p *corev1.Pod) bool {
	return p.Status.Phase != corev1.PodSucceeded && p.Status.Phase != corev1.PodFailed && p.DeletionTimestamp == nil
}

// Active keeps the active pods.
func Active(all []*corev1.Pod) []*corev1.Pod {
	out := make([]*corev1.Pod, 0, len(all))
	for _, p := range all {
		if IsActive(p) {
			out = append(out, p)
		}
	}
	return out
}

// IsReady reports whether the pod's Ready condition is True.
func IsReady(p *corev1.Pod) bool {
	c := readyCondition(p)
	return c != nil && c.Status == corev1.ConditionTrue
}

// IsAvailable reports whether the pod has been ready for at least
// minReadySeconds at now, as Kubernetes' podutil.IsPodAvailable does.
func IsAvailable(p *corev1.Pod, minReadySeconds int32, now time.Time) bool {
	if !IsReady(p) {
		return false
	}
	if minReadySeconds == 0 {
		return true
	}
	since := readyCondition(p).LastTransitionTime
	return !since.IsZero() && since.Add(time.Duration(minReadySeconds)*time.Second).Before(now)
}

// readyTime is when the pod last became ready (nil if it is not).
func readyTime(p *corev1.Pod) *metav1.Time {
	if !IsReady(p) {
		return nil
	}
	return &readyCondition(p).LastTransitionTime
}

func readyCondition(p *corev1.Pod) *corev1.PodCondition {
	for i := range p.Status.Conditions {
		if p.Status.Conditions[i].Type == corev1.PodReady {
			return &p.Status.Conditions[i]
		}
	}
	return nil
}

// Key is namespace/name, the key expectations track deletions by.
func Key(p *corev1.Pod) string { return p.Namespace + "/" + p.Name }
