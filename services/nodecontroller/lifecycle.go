package nodecontroller

import (
	"context"

	"go.uber.org/zap"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/logging"
)

// lifecycle keeps each node's kubelet conditions and not-ready/unreachable
// taints in line with its heartbeats.
type lifecycle struct {
	cfg          *Config
	client       *client.Client
	nodes, lease *client.Informer
	beats        *heartbeats
}

// Reconcile checks one node and comes back every monitor period: silence
// shows as the absence of events, so it has to be polled.
func (l *lifecycle) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := l.nodes.Get("", req.Name)
	if !ok {
		l.beats.forget(req.Name)
		return controller.Result{}, nil
	}
	node := obj.(*corev1.Node)
	now := l.cfg.Clock()
	seen := l.beats.observe(node.Name, signature(node, l.leaseOf(node.Name)), now)
	stale := now.Sub(seen) > l.cfg.GracePeriod
	if err := l.update(ctx, node, stale, metav1.NewTime(now)); err != nil {
		return controller.Result{}, err
	}
	return controller.Result{RequeueAfter: l.cfg.MonitorPeriod}, nil
}

func (l *lifecycle) leaseOf(node string) *coordinationv1.Lease {
	obj, ok := l.lease.Get(LeaseNamespace, node)
	if !ok {
		return nil
	}
	return obj.(*coordinationv1.Lease)
}

// update writes conditions, then taints: taints follow from the Ready
// condition, so they are computed from what the first write stored. Each
// write is compare-and-set; a conflict is retried from a fresh read.
func (l *lifecycle) update(ctx context.Context, node *corev1.Node, stale bool, now metav1.Time) error {
	if conds, changed := desiredConditions(node, stale, now); changed {
		next := node.DeepCopy()
		next.Status.Conditions = conds
		out, err := l.client.UpdateStatus(ctx, next)
		if err != nil {
			return err
		}
		node = out.(*corev1.Node)
		logging.From(ctx).Info("node health changed", zap.String("node", node.Name), zap.Bool("stale", stale))
	}
	taints, changed := desiredTaints(node, now)
	if !changed {
		return nil
	}
	next := node.DeepCopy()
	next.Spec.Taints = taints
	_, err := l.client.Update(ctx, next)
	return err
}
