package deployment

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// allReplicaSets returns the new replica set, created if create and
// missing (else nil), and the old ones; the new one's revision is made
// the highest and copied to the Deployment.
func (p *pass) allReplicaSets(ctx context.Context, create bool) (*appsv1.ReplicaSet, []*appsv1.ReplicaSet, error) {
	_, olds := rollout.FindOld(p.d, p.rss)
	newRevision := strconv.FormatInt(rollout.MaxRevision(olds)+1, 10)
	if existing := rollout.FindNew(p.d, p.rss); existing != nil {
		newRS, err := p.syncExisting(ctx, existing, newRevision)
		return newRS, olds, err
	}
	if !create {
		return nil, olds, nil
	}
	newRS, err := p.createNew(ctx, olds, newRevision)
	return newRS, olds, err
}

// syncExisting brings the new replica set's annotations and
// minReadySeconds up to date, then the Deployment's revision.
func (p *pass) syncExisting(ctx context.Context, existing *appsv1.ReplicaSet, newRevision string) (*appsv1.ReplicaSet, error) {
	rs := existing.DeepCopy()
	annotated := rollout.SetNewReplicaSetAnnotations(p.d, rs, newRevision, true)
	if annotated || rs.Spec.MinReadySeconds != p.d.Spec.MinReadySeconds {
		rs.Spec.MinReadySeconds = p.d.Spec.MinReadySeconds
		return p.updateRS(ctx, rs)
	}
	if err := p.setRevision(ctx, rs.Annotations[rollout.RevisionAnnotation]); err != nil {
		return nil, err
	}
	if rollout.HasProgressDeadline(p.d) && rollout.GetCondition(p.d.Status, appsv1.DeploymentProgressing) == nil {
		msg := fmt.Sprintf("Found new replica set %q", rs.Name)
		rollout.SetCondition(&p.d.Status, rollout.NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, rollout.FoundNewRSReason, msg, p.now))
		return rs, p.writeStatus(ctx)
	}
	return rs, nil
}

func (p *pass) updateRS(ctx context.Context, rs *appsv1.ReplicaSet) (*appsv1.ReplicaSet, error) {
	out, err := p.c.cfg.Client.Update(ctx, rs)
	if err != nil {
		return nil, err
	}
	updated := out.(*appsv1.ReplicaSet)
	p.track(updated)
	return updated, nil
}

// setRevision annotates the Deployment with its revision. The status
// subresource changes nothing but status here, so this is its own patch.
func (p *pass) setRevision(ctx context.Context, revision string) error {
	if !rollout.SetDeploymentRevision(p.d, revision) {
		return nil
	}
	patch, _ := json.Marshal(map[string]any{"metadata": map[string]any{"annotations": map[string]string{rollout.RevisionAnnotation: revision}}})
	out, err := p.c.cfg.Client.Patch(ctx, deployments, p.d.Namespace, p.d.Name, "", types.MergePatchType, patch)
	if err != nil {
		return err
	}
	p.d.ResourceVersion = out.(*appsv1.Deployment).ResourceVersion
	return nil
}
