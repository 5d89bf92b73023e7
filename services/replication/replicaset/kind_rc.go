package replicaset

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
)

// ReplicationControllers is the core/v1 ReplicationController kind.
var ReplicationControllers = Kind{
	GVK:        corev1.SchemeGroupVersion.WithKind("ReplicationController"),
	Resource:   mustLookup("", "v1", "replicationcontrollers"),
	Component:  "replication-controller",
	view:       rcView,
	withStatus: rcWithStatus,
}

func rcView(obj runtime.Object) (*Workload, bool) {
	rc, ok := obj.(*corev1.ReplicationController)
	if !ok {
		return nil, false
	}
	sel := labels.Nothing() // validation requires a selector; be safe without
	if len(rc.Spec.Selector) > 0 {
		sel = labels.SelectorFromSet(rc.Spec.Selector)
	}
	w := &Workload{Object: rc, Meta: rc, Replicas: replicasOf(rc.Spec.Replicas), MinReadySeconds: rc.Spec.MinReadySeconds, Selector: sel, Template: rc.Spec.Template}
	s := rc.Status
	w.Status = Status{Replicas: s.Replicas, FullyLabeledReplicas: s.FullyLabeledReplicas, ReadyReplicas: s.ReadyReplicas, AvailableReplicas: s.AvailableReplicas, ObservedGeneration: s.ObservedGeneration}
	for _, c := range s.Conditions {
		w.Status.Conditions = append(w.Status.Conditions, Condition{Type: string(c.Type), Status: c.Status, LastTransitionTime: c.LastTransitionTime, Reason: c.Reason, Message: c.Message})
	}
	return w, true
}

func rcWithStatus(obj runtime.Object, st Status) runtime.Object {
	rc := obj.(*corev1.ReplicationController).DeepCopy()
	rc.Status = corev1.ReplicationControllerStatus{Replicas: st.Replicas, FullyLabeledReplicas: st.FullyLabeledReplicas, ReadyReplicas: st.ReadyReplicas, AvailableReplicas: st.AvailableReplicas, ObservedGeneration: st.ObservedGeneration}
	for _, c := range st.Conditions {
		rc.Status.Conditions = append(rc.Status.Conditions, corev1.ReplicationControllerCondition{Type: corev1.ReplicationControllerConditionType(c.Type), Status: c.Status, LastTransitionTime: c.LastTransitionTime, Reason: c.Reason, Message: c.Message})
	}
	return rc
}
