package replicaset

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/api/errors"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/services/replication/claim"
	"github.com/kubus-dev/kubus/services/replication/pods"
)

var podsResource = mustLookup("", "v1", "pods")

// Reconcile brings one object's pods to spec.replicas and writes its
// status, as kube-controller-manager's syncReplicaSet does.
func (c *Controller) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	key := req.String()
	obj, ok := c.cfg.Workloads.Get(req.Namespace, req.Name)
	if !ok {
		c.exp.Delete(key)
		return controller.Result{}, nil
	}
	w, ok := c.cfg.Kind.view(obj)
	if !ok {
		return controller.Result{}, nil
	}
	// Decided before listing: a pod that shows up after this check is
	// counted by the next reconcile, never both expected and listed.
	act := c.exp.Satisfied(key) && w.Meta.GetDeletionTimestamp() == nil
	owned, err := c.claimPods(ctx, w)
	if err != nil {
		return controller.Result{}, err
	}
	var manageErr error
	if act {
		manageErr = c.manage(ctx, w, owned, key)
	}
	st := CalculateStatus(w, owned, manageErr, c.cfg.Clock())
	if err := c.writeStatus(ctx, w, st); err != nil {
		return retry(err)
	}
	if manageErr != nil {
		return controller.Result{}, manageErr
	}
	return controller.Result{RequeueAfter: untilAvailable(w, st)}, nil
}

// claimPods returns the active pods w owns once it has adopted matching
// orphans and released pods it no longer selects.
func (c *Controller) claimPods(ctx context.Context, w *Workload) ([]*corev1.Pod, error) {
	var active []*corev1.Pod
	for _, obj := range c.cfg.Pods.List(w.Meta.GetNamespace(), nil) {
		if p := obj.(*corev1.Pod); pods.IsActive(p) {
			active = append(active, p)
		}
	}
	m := &claim.Manager{Client: c.cfg.Client, Owner: w.Meta, OwnerGVK: c.cfg.Kind.GVK, OwnerResource: c.cfg.Kind.Resource, Selector: w.Selector, Resource: podsResource}
	return claim.Claim(ctx, m, active)
}

// writeStatus writes st unless the object already says so. The informer's
// resourceVersion goes with it: a stale view conflicts rather than
// overwrites.
func (c *Controller) writeStatus(ctx context.Context, w *Workload, st Status) error {
	if equality.Semantic.DeepEqual(w.Status, st) {
		return nil
	}
	_, err := c.cfg.Client.UpdateStatus(ctx, c.cfg.Kind.withStatus(w.Object, st))
	return err
}

// retry turns a conflict (the informer was behind a write) into a quiet
// rate-limited retry, and the object being gone into nothing to do.
func retry(err error) (controller.Result, error) {
	switch {
	case errors.IsConflict(err):
		return controller.Result{Requeue: true}, nil
	case errors.IsNotFound(err):
		return controller.Result{}, nil
	}
	return controller.Result{}, err
}
