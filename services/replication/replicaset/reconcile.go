package replicaset

import (
	"context"
	"strconv"
	"time"

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
	c.podsCaughtUp(ctx, w)
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

// podsCaughtUp waits, at most caughtUpWait, until the pod mirror holds
// every pod written before w's own revision. Informers of different
// resources move independently, so a pod created just before its
// ReplicaSet could be missing from the mirror when the ReplicaSet is seen,
// and another pod be created in its place; one bucket orders all writes,
// so waiting for w's revision rules that out. A mirror that cannot catch
// up (the bus is away) costs the wait, then the reconcile goes on with
// what it has, as before; expectations still guard its own creates.
func (c *Controller) podsCaughtUp(ctx context.Context, w *Workload) {
	rev, err := strconv.ParseUint(w.Meta.GetResourceVersion(), 10, 64)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, caughtUpWait)
	defer cancel()
	_ = c.cfg.Pods.WaitForRevision(ctx, rev)
}

// caughtUpWait bounds podsCaughtUp.
const caughtUpWait = time.Second

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
