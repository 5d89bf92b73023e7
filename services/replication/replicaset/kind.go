// Package replicaset is the ReplicaSet and ReplicationController controller:
// it keeps spec.replicas active pods matching the selector, adopting and
// releasing pods by their labels, never creating or deleting twice while
// its own writes are in flight, and reports what it sees in the status.
// Both kinds share one controller through a Kind adapter, as the
// ReplicationController is the ReplicaSet's older twin.
package replicaset

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubus-dev/kubus/resources"
)

// FailureCondition is set while creating or deleting pods fails.
const FailureCondition = "ReplicaFailure"

// Workload is the controller's view of one ReplicaSet or
// ReplicationController, whichever it is.
type Workload struct {
	Object          runtime.Object // as the informer holds it: shared
	Meta            metav1.Object
	Replicas        int32
	MinReadySeconds int32
	Selector        labels.Selector
	Template        *corev1.PodTemplateSpec // nil: no pods can be made
	Status          Status
}

// Status is the status both kinds report.
type Status struct {
	Replicas, FullyLabeledReplicas, ReadyReplicas, AvailableReplicas int32
	ObservedGeneration                                               int64
	Conditions                                                       []Condition
}

// Condition is a ReplicaSetCondition or ReplicationControllerCondition.
type Condition struct {
	Type               string
	Status             corev1.ConditionStatus
	LastTransitionTime metav1.Time
	Reason, Message    string
}

// Kind adapts one workload kind to the controller.
type Kind struct {
	GVK      schema.GroupVersionKind
	Resource resources.Resource
	// Component is the source.component of the Events recorded.
	Component  string
	view       func(runtime.Object) (*Workload, bool)
	withStatus func(runtime.Object, Status) runtime.Object
}

func mustLookup(group, version, name string) resources.Resource {
	r, ok := resources.Lookup(group, version, name)
	if !ok {
		panic("resource not served: " + name)
	}
	return r
}

func replicasOf(p *int32) int32 {
	if p == nil {
		return 1
	}
	return *p
}
