package deployment

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// resize scales rs to n unless it is that size already.
func (p *pass) resize(ctx context.Context, rs *appsv1.ReplicaSet, n int32) (bool, *appsv1.ReplicaSet, error) {
	if rollout.RSReplicas(rs) == n {
		return false, rs, nil
	}
	return p.scaleRS(ctx, rs, n)
}

// scaleRS sets rs to n replicas and records the Deployment size it is
// scaled for (desired-replicas, max-replicas), which proportional
// scaling reads back; a change of size is a ScalingReplicaSet Event.
func (p *pass) scaleRS(ctx context.Context, rs *appsv1.ReplicaSet, n int32) (bool, *appsv1.ReplicaSet, error) {
	desired, maxPods := rollout.Replicas(p.d), rollout.Replicas(p.d)+rollout.MaxSurge(p.d)
	from := rollout.RSReplicas(rs)
	if from == n && !rollout.ReplicasAnnotationsNeedUpdate(rs, desired, maxPods) {
		return false, rs, nil
	}
	next := rs.DeepCopy()
	next.Spec.Replicas = &n
	rollout.SetReplicasAnnotations(next, desired, maxPods)
	out, err := p.updateRS(ctx, next)
	if err != nil || from == n {
		return false, out, err
	}
	direction := "up"
	if n < from {
		direction = "down"
	}
	p.event(corev1.EventTypeNormal, "ScalingReplicaSet", "Scaled %s replica set %s from %d to %d", direction, rs.Name, from, n)
	return true, out, nil
}

// isScalingEvent reports whether spec.replicas changed since the active
// replica sets were last scaled, which is handled without a rollout.
func (p *pass) isScalingEvent(ctx context.Context) (bool, error) {
	newRS, olds, err := p.allReplicaSets(ctx, false)
	if err != nil {
		return false, err
	}
	for _, rs := range rollout.FilterActive(append(olds, newRS)) {
		if desired, ok := rollout.DesiredReplicas(rs); ok && desired != rollout.Replicas(p.d) {
			return true, nil
		}
	}
	return false, nil
}

// scaleOnly resizes without rolling: for paused Deployments and resizes.
func (p *pass) scaleOnly(ctx context.Context) error {
	newRS, olds, err := p.allReplicaSets(ctx, false)
	if err != nil {
		return err
	}
	if err := p.scale(ctx, newRS, olds); err != nil {
		return err
	}
	if p.d.Spec.Paused {
		if err := p.cleanup(ctx, olds); err != nil {
			return err
		}
	}
	all := p.refresh(append(olds, newRS))
	return p.syncStatus(ctx, all, p.refresh([]*appsv1.ReplicaSet{newRS})[0])
}

// scale gives all replicas to the one active replica set, or scales down
// the old ones once the new one is saturated, or, mid-rollout, spreads the
// change over all active replica sets in proportion.
func (p *pass) scale(ctx context.Context, newRS *appsv1.ReplicaSet, olds []*appsv1.ReplicaSet) error {
	if rs := rollout.FindActiveOrLatest(newRS, olds); rs != nil {
		_, _, err := p.resize(ctx, rs, rollout.Replicas(p.d))
		return err
	}
	var plan []rollout.Scale
	switch {
	case rollout.IsSaturated(p.d, newRS):
		for _, old := range rollout.FilterActive(olds) {
			plan = append(plan, rollout.Scale{RS: old, To: 0})
		}
	case rollout.IsRollingUpdate(p.d):
		plan = rollout.Proportional(p.d, rollout.FilterActive(append(olds, newRS)))
	}
	for _, s := range plan {
		if _, _, err := p.scaleRS(ctx, s.RS, s.To); err != nil {
			return err
		}
	}
	return nil
}

// cleanup deletes old replica sets beyond revisionHistoryLimit.
func (p *pass) cleanup(ctx context.Context, olds []*appsv1.ReplicaSet) error {
	for _, rs := range rollout.ToCleanup(p.d, p.refresh(olds)) {
		opts := &metav1.DeleteOptions{Preconditions: &metav1.Preconditions{UID: &rs.UID}}
		if err := p.c.cfg.Client.Delete(ctx, replicaSets, rs.Namespace, rs.Name, opts); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	return nil
}
