package deployment

import (
	"context"
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// newReplicaSetFor is the replica set that runs d's template: named and
// labelled by the template hash, selecting only its own pods, owned by d.
func newReplicaSetFor(d *appsv1.Deployment) *appsv1.ReplicaSet {
	hash := rollout.ComputeHash(&d.Spec.Template, d.Status.CollisionCount)
	tmpl := *d.Spec.Template.DeepCopy()
	tmpl.Labels = withLabel(d.Spec.Template.Labels, rollout.HashLabel, hash)
	sel := d.Spec.Selector.DeepCopy()
	sel.MatchLabels = withLabel(sel.MatchLabels, rollout.HashLabel, hash)
	return &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{
			Name: d.Name + "-" + hash, Namespace: d.Namespace, Labels: tmpl.Labels,
			OwnerReferences: []metav1.OwnerReference{*metav1.NewControllerRef(d, deploymentKind)},
		},
		Spec: appsv1.ReplicaSetSpec{Replicas: new(int32(0)), MinReadySeconds: d.Spec.MinReadySeconds, Selector: sel, Template: tmpl},
	}
}

// createNew creates the new replica set at the size the strategy allows
// now, with the next revision.
func (p *pass) createNew(ctx context.Context, olds []*appsv1.ReplicaSet, newRevision string) (*appsv1.ReplicaSet, error) {
	rs := newReplicaSetFor(p.d)
	n, err := rollout.NewRSReplicas(p.d, append(olds, rs), rs)
	if err != nil {
		return nil, err
	}
	rs.Spec.Replicas = &n
	rollout.SetNewReplicaSetAnnotations(p.d, rs, newRevision, false)
	out, err := p.c.cfg.Client.Create(ctx, rs)
	switch {
	case apierrors.IsAlreadyExists(err):
		return p.collided(ctx, rs, newRevision)
	case apierrors.HasStatusCause(err, corev1.NamespaceTerminatingCause):
		return nil, err
	case err != nil:
		return nil, p.createFailed(ctx, rs, err)
	}
	created := out.(*appsv1.ReplicaSet)
	p.track(created)
	if n > 0 {
		p.event(corev1.EventTypeNormal, "ScalingReplicaSet", "Scaled up replica set %s from 0 to %d", created.Name, n)
	}
	if err := p.setRevision(ctx, newRevision); err != nil {
		return nil, err
	}
	if rollout.HasProgressDeadline(p.d) {
		msg := fmt.Sprintf("Created new replica set %q", created.Name)
		rollout.SetCondition(&p.d.Status, rollout.NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, rollout.NewRSReason, msg, p.now))
		return created, p.writeStatus(ctx)
	}
	return created, nil
}

// collided handles a replica set of that name already existing: ours with
// our template (a create the informer had not shown yet) is the new one;
// anything else is a hash collision, resolved by counting it in
// status.collisionCount, which changes the hash next time.
func (p *pass) collided(ctx context.Context, rs *appsv1.ReplicaSet, newRevision string) (*appsv1.ReplicaSet, error) {
	obj, err := p.c.cfg.Client.Get(ctx, replicaSets, rs.Namespace, rs.Name)
	if err != nil {
		return nil, err
	}
	existing := obj.(*appsv1.ReplicaSet)
	if ref := metav1.GetControllerOfNoCopy(existing); ref != nil && ref.UID == p.d.UID && rollout.EqualIgnoreHash(&p.d.Spec.Template, &existing.Spec.Template) {
		p.track(existing)
		return existing, p.setRevision(ctx, newRevision)
	}
	p.d.Status.CollisionCount = new(ptrValue(p.d.Status.CollisionCount) + 1)
	if err := p.writeStatus(ctx); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("replica set %s: hash collision, collisionCount now %d", rs.Name, *p.d.Status.CollisionCount)
}

// createFailed reports a failed create on the Deployment.
func (p *pass) createFailed(ctx context.Context, rs *appsv1.ReplicaSet, err error) error {
	msg := fmt.Sprintf("Failed to create new replica set %q: %v", rs.Name, err)
	if rollout.HasProgressDeadline(p.d) {
		rollout.SetCondition(&p.d.Status, rollout.NewCondition(appsv1.DeploymentProgressing, corev1.ConditionFalse, rollout.FailedRSCreateReason, msg, p.now))
		_ = p.writeStatus(ctx) // the create error is what to report
	}
	p.event(corev1.EventTypeWarning, rollout.FailedRSCreateReason, "%s", msg)
	return err
}

func withLabel(in map[string]string, k, v string) map[string]string {
	out := make(map[string]string, len(in)+1)
	for key, val := range in {
		out[key] = val
	}
	out[k] = v
	return out
}

func ptrValue(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
