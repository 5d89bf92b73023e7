package deployment

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// syncStatus writes the status the replica sets add up to.
func (p *pass) syncStatus(ctx context.Context, all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) error {
	return p.putStatus(ctx, rollout.CalculateStatus(all, newRS, p.d, p.now))
}

// rolloutStatus writes the status with rollout progress; when nothing
// changed, it schedules a look for the progress deadline passing.
func (p *pass) rolloutStatus(ctx context.Context, all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) error {
	st := rollout.RolloutStatus(all, newRS, p.d, p.now)
	if equality.Semantic.DeepEqual(p.d.Status, st) {
		p.requeue = rollout.StuckRecheck(p.d, st, p.now)
		return nil
	}
	return p.putStatus(ctx, st)
}

func (p *pass) putStatus(ctx context.Context, st appsv1.DeploymentStatus) error {
	if equality.Semantic.DeepEqual(p.d.Status, st) {
		return nil
	}
	p.d.Status = st
	return p.writeStatus(ctx)
}

// writeStatus writes p.d's status, with p.d's resourceVersion as a
// precondition, and keeps the new resourceVersion for later writes.
func (p *pass) writeStatus(ctx context.Context) error {
	out, err := p.c.cfg.Client.UpdateStatus(ctx, p.d)
	if err != nil {
		return err
	}
	p.d.ResourceVersion = out.(*appsv1.Deployment).ResourceVersion
	return nil
}

// checkPaused marks pausing and resuming in the Progressing condition, so
// time spent paused never counts toward the progress deadline.
func (p *pass) checkPaused(ctx context.Context) error {
	if !rollout.HasProgressDeadline(p.d) {
		return nil
	}
	cond := rollout.GetCondition(p.d.Status, appsv1.DeploymentProgressing)
	if cond != nil && cond.Reason == rollout.TimedOutReason {
		return nil
	}
	paused := cond != nil && cond.Reason == rollout.PausedReason
	switch {
	case p.d.Spec.Paused && !paused:
		rollout.SetCondition(&p.d.Status, rollout.NewCondition(appsv1.DeploymentProgressing, corev1.ConditionUnknown, rollout.PausedReason, "Deployment is paused", p.now))
	case !p.d.Spec.Paused && paused:
		rollout.SetCondition(&p.d.Status, rollout.NewCondition(appsv1.DeploymentProgressing, corev1.ConditionUnknown, rollout.ResumedReason, "Deployment is resumed", p.now))
	default:
		return nil
	}
	return p.writeStatus(ctx)
}
