package gc

import (
	"slices"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// ownerState is what one ownerReference of a dependent points at.
type ownerState int

const (
	// solid: the owner exists and keeps its dependents.
	solid ownerState = iota
	// dangling: no object with the reference's uid exists any more.
	dangling
	// waiting: the owner is being deleted in the foreground and waits
	// for its dependents to go first.
	waiting
)

// owner is one reference of a dependent and its state.
type owner struct {
	uid   types.UID
	state ownerState
}

// verdict is what the collector does to a dependent.
type verdict struct {
	// unlink lists owner uids to remove from the dependent's references.
	unlink []types.UID
	// remove deletes the dependent with propagation policy.
	remove bool
	policy metav1.DeletionPropagation
}

// decide judges a dependent by its owners, as kube-controller-manager's
// attemptToDeleteItem does. A dependent with a solid owner stays, only
// letting go of owners that are gone or waiting for it (so it does not
// hold up their foreground deletion). A dependent without one goes: in the
// foreground if an owner waits and it has dependents of its own, so the
// wait reaches down the whole tree, else in the background.
func decide(owners []owner, hasDependents bool) verdict {
	if len(owners) == 0 {
		return verdict{}
	}
	if slices.ContainsFunc(owners, func(o owner) bool { return o.state == solid }) {
		var unlink []types.UID
		for _, o := range owners {
			if o.state != solid {
				unlink = append(unlink, o.uid)
			}
		}
		return verdict{unlink: unlink}
	}
	policy := metav1.DeletePropagationBackground
	if hasDependents && slices.ContainsFunc(owners, func(o owner) bool { return o.state == waiting }) {
		policy = metav1.DeletePropagationForeground
	}
	return verdict{remove: true, policy: policy}
}

// gcFinalizer is the finalizer the apiserver added to hand a Foreground or
// Orphan deletion of the object to the collector, or "".
func gcFinalizer(m metav1.Object) string {
	if m.GetDeletionTimestamp() == nil {
		return ""
	}
	for _, f := range []string{metav1.FinalizerOrphanDependents, metav1.FinalizerDeleteDependents} {
		if slices.Contains(m.GetFinalizers(), f) {
			return f
		}
	}
	return ""
}

// withoutRefs returns refs without those to the given owner uids.
func withoutRefs(refs []metav1.OwnerReference, uids []types.UID) []metav1.OwnerReference {
	return slices.DeleteFunc(slices.Clone(refs), func(r metav1.OwnerReference) bool { return slices.Contains(uids, r.UID) })
}
