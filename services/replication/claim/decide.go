// Package claim decides which objects a controller owns, as Kubernetes'
// ControllerRefManager does: it keeps what it controls and still selects,
// adopts orphans its selector matches, and releases what it controls but
// no longer selects. Pods for ReplicaSets, ReplicaSets for Deployments.
package claim

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// Action is what a controller does about one candidate object.
type Action int

const (
	// Ignore: someone else's, or not for us to touch now.
	Ignore Action = iota
	// Keep: ours already.
	Keep
	// Adopt: an orphan we select; becomes ours once patched.
	Adopt
	// Release: ours but no longer selected; patch our reference away.
	Release
)

func (a Action) String() string {
	return [...]string{"Ignore", "Keep", "Adopt", "Release"}[a]
}

// Decide applies the ControllerRefManager rules to obj for owner and sel.
// An owner being deleted neither adopts nor releases.
func Decide(owner metav1.Object, sel labels.Selector, obj metav1.Object) Action {
	matches := sel.Matches(labels.Set(obj.GetLabels()))
	if ref := metav1.GetControllerOfNoCopy(obj); ref != nil {
		switch {
		case ref.UID != owner.GetUID():
			return Ignore
		case matches:
			return Keep
		case owner.GetDeletionTimestamp() != nil:
			return Ignore
		}
		return Release
	}
	if !matches || owner.GetDeletionTimestamp() != nil || obj.GetDeletionTimestamp() != nil || obj.GetNamespace() != owner.GetNamespace() {
		return Ignore
	}
	return Adopt
}
