package nodecontroller

import (
	"time"

	"github.com/go-logr/logr"
	corev1 "k8s.io/api/core/v1"
)

// tolerationDefaults maps a taint key to the seconds that replace the
// apiserver's defaulted toleration of it.
type tolerationDefaults map[string]int64

// isDefaulted reports whether t is the toleration the apiserver's
// DefaultTolerationSeconds admission adds: such a pod never chose 300s, so
// the node controller's flag may give it another value.
func isDefaulted(t corev1.Toleration) bool {
	return (t.Key == corev1.TaintNodeNotReady || t.Key == corev1.TaintNodeUnreachable) &&
		t.Operator == corev1.TolerationOpExists && t.Effect == corev1.TaintEffectNoExecute && t.Value == "" &&
		t.TolerationSeconds != nil && *t.TolerationSeconds == DefaultTolerationSeconds
}

// evictionTime is when pod must leave a node with these taints, and false
// if it may stay for good. Each NoExecute taint counts from its timeAdded:
// untolerated at once, tolerated for the shortest tolerationSeconds among
// the matching tolerations (none set: forever), as the taint eviction
// controller does. Counting from timeAdded rather than from when this
// process saw the taint makes a restart neither reset nor skip deadlines.
func evictionTime(pod *corev1.Pod, taints []corev1.Taint, d tolerationDefaults, now time.Time) (time.Time, bool) {
	var at time.Time
	found := false
	for i := range taints {
		taint := &taints[i]
		if taint.Effect != corev1.TaintEffectNoExecute {
			continue
		}
		wait, ok := tolerated(pod.Spec.Tolerations, taint, d)
		if !ok {
			continue
		}
		start := now
		if taint.TimeAdded != nil {
			start = taint.TimeAdded.Time
		}
		if t := start.Add(wait); !found || t.Before(at) {
			at, found = t, true
		}
	}
	return at, found
}

// tolerated is how long tolerations let a pod stay with taint, and false
// for forever.
func tolerated(tolerations []corev1.Toleration, taint *corev1.Taint, d tolerationDefaults) (time.Duration, bool) {
	matched, limited := false, false
	var least int64
	for _, t := range tolerations {
		if !t.ToleratesTaint(logr.Discard(), taint, false) {
			continue
		}
		matched = true
		if t.TolerationSeconds == nil {
			continue
		}
		s := *t.TolerationSeconds
		if v, ok := d[t.Key]; ok && isDefaulted(t) {
			s = v
		}
		if !limited || s < least {
			least, limited = s, true
		}
	}
	if !matched {
		return 0, true
	}
	return time.Duration(max(least, 0)) * time.Second, limited
}
