package deployment

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// recreate scales every old replica set to zero, waits until no old pod
// is left, and only then creates and scales up the new replica set.
func (p *pass) recreate(ctx context.Context) error {
	newRS, olds, err := p.allReplicaSets(ctx, false)
	if err != nil {
		return err
	}
	scaledDown := false
	for _, rs := range rollout.FilterActive(olds) {
		scaled, _, err := p.resize(ctx, rs, 0)
		if err != nil {
			return err
		}
		scaledDown = scaledDown || scaled
	}
	if scaledDown || p.oldPodsRunning(newRS, p.refresh(olds)) {
		return p.rolloutStatus(ctx, p.refresh(append(olds, newRS)), newRS)
	}
	if newRS == nil {
		if newRS, olds, err = p.allReplicaSets(ctx, true); err != nil {
			return err
		}
	}
	if _, newRS, err = p.resize(ctx, newRS, rollout.Replicas(p.d)); err != nil {
		return err
	}
	if rollout.Complete(p.d, &p.d.Status) {
		if err := p.cleanup(ctx, olds); err != nil {
			return err
		}
	}
	return p.rolloutStatus(ctx, p.refresh(append(olds, newRS)), newRS)
}

// oldPodsRunning reports whether any pod of an old replica set, even one
// terminating, has not finished.
func (p *pass) oldPodsRunning(newRS *appsv1.ReplicaSet, olds []*appsv1.ReplicaSet) bool {
	if rollout.Sum(olds, func(rs *appsv1.ReplicaSet) int32 { return rs.Status.Replicas }) > 0 {
		return true
	}
	old := map[types.UID]bool{}
	for _, rs := range p.rss {
		old[rs.UID] = newRS == nil || rs.UID != newRS.UID
	}
	sel, _ := metav1.LabelSelectorAsSelector(p.d.Spec.Selector)
	for _, obj := range p.c.cfg.Pods.List(p.d.Namespace, sel) {
		pod := obj.(*corev1.Pod)
		ref := metav1.GetControllerOfNoCopy(pod)
		if ref != nil && old[ref.UID] && pod.Status.Phase != corev1.PodFailed && pod.Status.Phase != corev1.PodSucceeded {
			return true
		}
	}
	return false
}
