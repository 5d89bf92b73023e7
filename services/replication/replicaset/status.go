package replicaset

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/kubus-dev/kubus/services/replication/pods"
)

// CalculateStatus is the status of w given the active pods it owns and
// the error, if any, of its last attempt to create or delete pods.
func CalculateStatus(w *Workload, owned []*corev1.Pod, manageErr error, now time.Time) Status {
	st := Status{Replicas: int32(len(owned)), ObservedGeneration: w.Meta.GetGeneration()}
	var template labels.Selector = labels.Nothing()
	if w.Template != nil {
		template = labels.SelectorFromSet(w.Template.Labels)
	}
	for _, p := range owned {
		if template.Matches(labels.Set(p.Labels)) {
			st.FullyLabeledReplicas++
		}
		if pods.IsReady(p) {
			st.ReadyReplicas++
		}
		if pods.IsAvailable(p, w.MinReadySeconds, now) {
			st.AvailableReplicas++
		}
	}
	st.Conditions = failureConditions(w, len(owned), manageErr, now)
	return st
}

// failureConditions sets ReplicaFailure while creates or deletes fail and
// clears it once they succeed again; other conditions are kept.
func failureConditions(w *Workload, owned int, manageErr error, now time.Time) []Condition {
	var out []Condition
	var failing *Condition
	for _, c := range w.Status.Conditions {
		if c.Type == FailureCondition {
			failing = &c
			continue
		}
		out = append(out, c)
	}
	switch {
	case manageErr != nil && failing == nil:
		reason := "FailedDelete"
		if owned < int(w.Replicas) {
			reason = "FailedCreate"
		}
		out = append(out, Condition{Type: FailureCondition, Status: corev1.ConditionTrue, LastTransitionTime: metav1.NewTime(now), Reason: reason, Message: manageErr.Error()})
	case manageErr != nil:
		out = append(out, *failing)
	}
	return out
}

// untilAvailable is when to look again at a workload whose pods are all
// ready but not yet available for minReadySeconds; 0 if not needed.
func untilAvailable(w *Workload, st Status) time.Duration {
	if w.MinReadySeconds > 0 && st.ReadyReplicas == w.Replicas && st.AvailableReplicas != w.Replicas {
		return time.Duration(w.MinReadySeconds) * time.Second
	}
	return 0
}
