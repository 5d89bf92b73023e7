package replicaset

import (
	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
)

// ReplicaSets is the apps/v1 ReplicaSet kind.
var ReplicaSets = Kind{
	GVK:        appsv1.SchemeGroupVersion.WithKind("ReplicaSet"),
	Resource:   mustLookup("apps", "v1", "replicasets"),
	Component:  "replicaset-controller",
	view:       rsView,
	withStatus: rsWithStatus,
}

func rsView(obj runtime.Object) (*Workload, bool) {
	rs, ok := obj.(*appsv1.ReplicaSet)
	if !ok {
		return nil, false
	}
	sel, err := metav1.LabelSelectorAsSelector(rs.Spec.Selector)
	if err != nil || rs.Spec.Selector == nil {
		sel = labels.Nothing() // an invalid selector selects nothing, safely
	}
	w := &Workload{Object: rs, Meta: rs, Replicas: replicasOf(rs.Spec.Replicas), MinReadySeconds: rs.Spec.MinReadySeconds, Selector: sel, Template: &rs.Spec.Template}
	s := rs.Status
	w.Status = Status{Replicas: s.Replicas, FullyLabeledReplicas: s.FullyLabeledReplicas, ReadyReplicas: s.ReadyReplicas, AvailableReplicas: s.AvailableReplicas, ObservedGeneration: s.ObservedGeneration}
	for _, c := range s.Conditions {
		w.Status.Conditions = append(w.Status.Conditions, Condition{Type: string(c.Type), Status: c.Status, LastTransitionTime: c.LastTransitionTime, Reason: c.Reason, Message: c.Message})
	}
	return w, true
}

func rsWithStatus(obj runtime.Object, st Status) runtime.Object {
	rs := obj.(*appsv1.ReplicaSet).DeepCopy()
	rs.Status = appsv1.ReplicaSetStatus{Replicas: st.Replicas, FullyLabeledReplicas: st.FullyLabeledReplicas, ReadyReplicas: st.ReadyReplicas, AvailableReplicas: st.AvailableReplicas, ObservedGeneration: st.ObservedGeneration}
	for _, c := range st.Conditions {
		rs.Status.Conditions = append(rs.Status.Conditions, appsv1.ReplicaSetCondition{Type: appsv1.ReplicaSetConditionType(c.Type), Status: c.Status, LastTransitionTime: c.LastTransitionTime, Reason: c.Reason, Message: c.Message})
	}
	return rs
}
