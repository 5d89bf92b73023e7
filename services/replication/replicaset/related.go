package replicaset

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/services/replication/pods"
)

// related are the active pods of w and of its siblings, the objects of
// this Kind with the same controller (the replica sets of one Deployment):
// scale-down prefers pods doubled up on a node with them.
func (c *Controller) related(w *Workload, owned []*corev1.Pod) []*corev1.Pod {
	parent := metav1.GetControllerOfNoCopy(w.Meta)
	if parent == nil {
		return owned
	}
	siblings := map[types.UID]bool{}
	for _, obj := range c.cfg.Workloads.List(w.Meta.GetNamespace(), nil) {
		m, err := meta.Accessor(obj)
		if ref := metav1.GetControllerOfNoCopy(m); err == nil && ref != nil && ref.UID == parent.UID {
			siblings[m.GetUID()] = true
		}
	}
	var out []*corev1.Pod
	for _, obj := range c.cfg.Pods.List(w.Meta.GetNamespace(), nil) {
		p := obj.(*corev1.Pod)
		if ref := metav1.GetControllerOfNoCopy(p); ref != nil && siblings[ref.UID] && pods.IsActive(p) {
			out = append(out, p)
		}
	}
	return out
}
