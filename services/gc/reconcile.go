package gc

import (
	"context"

	"go.uber.org/zap"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/logging"
)

// Reconcile looks at one object, as owner and as dependent: an owner
// being deleted in the foreground or with orphaning gets that done; a
// dependent whose owners are gone (or waiting for it) is deleted or lets
// go of them.
func (c *collector) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	gr, name := splitKey(req)
	inf, ok := c.infs[gr]
	if !ok {
		return controller.Result{}, nil
	}
	obj, ok := inf.Get(req.Namespace, name)
	if !ok {
		return controller.Result{}, nil
	}
	m, _ := meta.Accessor(obj)
	switch {
	case gcFinalizer(m) == metav1.FinalizerOrphanDependents:
		return controller.Result{}, c.orphan(ctx, obj)
	case gcFinalizer(m) == metav1.FinalizerDeleteDependents:
		return controller.Result{}, c.foreground(ctx, obj)
	case m.GetDeletionTimestamp() != nil || len(m.GetOwnerReferences()) == 0:
		return controller.Result{}, nil
	}
	owners, err := c.owners(ctx, m.GetNamespace(), m.GetOwnerReferences())
	if err != nil {
		return controller.Result{}, err
	}
	return controller.Result{}, c.carryOut(ctx, req, m, decide(owners, c.graph.hasDependents(m.GetUID())))
}

// carryOut applies a verdict to dependent m.
func (c *collector) carryOut(ctx context.Context, req controller.Request, m metav1.Object, v verdict) error {
	switch {
	case v.remove:
		logging.From(ctx).Info("deleting dependent without a live owner", zap.Stringer("object", req), zap.String("propagation", string(v.policy)))
		return c.delete(ctx, req, m, v.policy)
	case len(v.unlink) > 0:
		return c.unlinkOwners(ctx, req, v.unlink)
	}
	return nil
}

// foreground deletes an owner's dependents first: they are enqueued and
// find their owner waiting, and once none that blocks it is left, the
// finalizer goes and the apiserver deletes the owner.
func (c *collector) foreground(ctx context.Context, owner runtime.Object) error {
	blocked := false
	for key, blocks := range c.graph.dependents(uidOf(owner)) {
		c.ctrl.Enqueue(key)
		blocked = blocked || blocks
	}
	if blocked {
		return nil // each dependent's deletion enqueues the owner again
	}
	if err := c.caughtUp(ctx, owner); err != nil {
		return err
	}
	for _, blocks := range c.graph.dependents(uidOf(owner)) {
		if blocks {
			return nil // a late one: its own event enqueues it, its deletion the owner
		}
	}
	return c.dropFinalizer(ctx, owner, metav1.FinalizerDeleteDependents)
}

// orphan removes the owner's references from its dependents, then the
// finalizer, so the apiserver deletes the owner alone.
func (c *collector) orphan(ctx context.Context, owner runtime.Object) error {
	if err := c.caughtUp(ctx, owner); err != nil {
		return err
	}
	for key := range c.graph.dependents(uidOf(owner)) {
		if err := c.unlinkOwners(ctx, key, []types.UID{uidOf(owner)}); err != nil {
			return err
		}
	}
	return c.dropFinalizer(ctx, owner, metav1.FinalizerOrphanDependents)
}
