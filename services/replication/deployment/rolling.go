package deployment

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

// rolling moves one step of a rolling update: scale the new replica set
// up within maxSurge, else the old ones down within maxUnavailable, and
// once complete drop old revisions beyond the history limit.
func (p *pass) rolling(ctx context.Context) error {
	newRS, olds, err := p.allReplicaSets(ctx, true)
	if err != nil {
		return err
	}
	all := append(olds, newRS)
	scaled, newRS, err := p.reconcileNew(ctx, all, newRS)
	if err != nil {
		return err
	}
	if !scaled {
		if scaled, err = p.reconcileOld(ctx, all, rollout.FilterActive(olds), newRS); err != nil {
			return err
		}
	}
	if !scaled && rollout.Complete(p.d, &p.d.Status) {
		if err := p.cleanup(ctx, olds); err != nil {
			return err
		}
	}
	return p.rolloutStatus(ctx, p.refresh(all), newRS)
}

// reconcileNew grows the new replica set as far as the surge allows, or
// shrinks it if the Deployment got smaller.
func (p *pass) reconcileNew(ctx context.Context, all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) (bool, *appsv1.ReplicaSet, error) {
	want := rollout.Replicas(p.d)
	if rollout.RSReplicas(newRS) < want {
		n, err := rollout.NewRSReplicas(p.d, all, newRS)
		if err != nil {
			return false, newRS, err
		}
		want = n
	}
	return p.resize(ctx, newRS, want)
}

// reconcileOld shrinks the old replica sets as availability allows.
func (p *pass) reconcileOld(ctx context.Context, all, oldActive []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) (bool, error) {
	plan := rollout.OldScaleDowns(p.d, all, oldActive, newRS)
	for _, s := range plan {
		if _, _, err := p.resize(ctx, s.RS, s.To); err != nil {
			return false, err
		}
	}
	return len(plan) > 0, nil
}
