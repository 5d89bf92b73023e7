package deployment

import (
	"context"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/services/replication/claim"
	"github.com/kubus-dev/kubus/services/replication/events"
)

// pass is one reconcile of one Deployment: a private copy of it, the
// replica sets it owns, both kept current as this pass writes them, so a
// later step never writes from a state an earlier step replaced.
type pass struct {
	c       *Controller
	d       *appsv1.Deployment
	rss     []*appsv1.ReplicaSet
	now     time.Time
	requeue time.Duration
}

// sync picks what to do, in the upstream controller's order: status only
// while deleted, scaling only while paused or resized, else the strategy.
func (p *pass) sync(ctx context.Context) error {
	if p.d.Spec.Selector == nil || len(p.d.Spec.Selector.MatchLabels)+len(p.d.Spec.Selector.MatchExpressions) == 0 {
		p.event(corev1.EventTypeWarning, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.")
		return nil
	}
	if err := p.claimReplicaSets(ctx); err != nil {
		return err
	}
	if p.d.DeletionTimestamp != nil {
		newRS, olds, err := p.allReplicaSets(ctx, false)
		if err != nil {
			return err
		}
		return p.syncStatus(ctx, append(olds, newRS), newRS)
	}
	if err := p.checkPaused(ctx); err != nil {
		return err
	}
	if p.d.Spec.Paused {
		return p.scaleOnly(ctx)
	}
	scaling, err := p.isScalingEvent(ctx)
	if err != nil {
		return err
	}
	if scaling {
		return p.scaleOnly(ctx)
	}
	if p.d.Spec.Strategy.Type == appsv1.RecreateDeploymentStrategyType {
		return p.recreate(ctx)
	}
	return p.rolling(ctx)
}

// claimReplicaSets adopts and releases replica sets by the selector.
func (p *pass) claimReplicaSets(ctx context.Context) error {
	sel, err := metav1.LabelSelectorAsSelector(p.d.Spec.Selector)
	if err != nil {
		return err
	}
	var all []*appsv1.ReplicaSet
	for _, obj := range p.c.cfg.ReplicaSets.List(p.d.Namespace, nil) {
		all = append(all, obj.(*appsv1.ReplicaSet))
	}
	m := &claim.Manager{Client: p.c.cfg.Client, Owner: p.d, OwnerGVK: deploymentKind, OwnerResource: deployments, Selector: sel, Resource: replicaSets}
	p.rss, err = claim.Claim(ctx, m, all)
	return err
}

// track records a replica set as this pass wrote it.
func (p *pass) track(rs *appsv1.ReplicaSet) {
	for i := range p.rss {
		if p.rss[i].UID == rs.UID {
			p.rss[i] = rs
			return
		}
	}
	p.rss = append(p.rss, rs)
}

// refresh maps replica sets to their latest tracked state.
func (p *pass) refresh(rss []*appsv1.ReplicaSet) []*appsv1.ReplicaSet {
	out := make([]*appsv1.ReplicaSet, 0, len(rss))
	for _, rs := range rss {
		for _, cur := range p.rss {
			if rs != nil && cur.UID == rs.UID {
				rs = cur
			}
		}
		out = append(out, rs)
	}
	return out
}

func (p *pass) event(eventType, reason, format string, args ...any) {
	p.c.cfg.Events.Eventf(events.Ref(deploymentKind, p.d), eventType, reason, format, args...)
}

// retry turns a conflict (an informer behind a write) into a quiet
// rate-limited retry, and an object gone meanwhile into nothing to do.
func retry(err error) (controller.Result, error) {
	switch {
	case apierrors.IsConflict(err):
		return controller.Result{Requeue: true}, nil
	case apierrors.IsNotFound(err):
		return controller.Result{}, nil
	}
	return controller.Result{}, err
}
