package replicaset

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/replication/podcontrol"
	"github.com/kubus-dev/kubus/services/replication/pods"
)

// deleteParallelism bounds the pod deletes in flight for one object.
const deleteParallelism = 100

// manage creates or deletes pods to close the gap to w.Replicas, at most
// BurstReplicas at a time; the next reconcile does the rest once the
// informer has seen these.
func (c *Controller) manage(ctx context.Context, w *Workload, owned []*corev1.Pod, key string) error {
	diff := len(owned) - int(w.Replicas)
	switch {
	case diff < 0 && w.Template != nil:
		return c.create(ctx, w, key, min(-diff, c.cfg.BurstReplicas))
	case diff > 0:
		return c.delete(ctx, w, key, owned, min(diff, c.cfg.BurstReplicas))
	}
	return nil
}

// create makes n pods in slow-start batches. Creates never attempted or
// failed are not expected any more, so the next reconcile retries them.
func (c *Controller) create(ctx context.Context, w *Workload, key string, n int) error {
	c.exp.ExpectCreations(key, n)
	done, err := podcontrol.SlowStart(n, 1, func() error { return c.createPod(ctx, w) })
	for range n - done {
		c.exp.CreationObserved(key)
	}
	return err
}

func (c *Controller) createPod(ctx context.Context, w *Workload) error {
	pod := podcontrol.FromTemplate(w.Template, w.Meta, c.cfg.Kind.GVK)
	if len(pod.Labels) == 0 {
		return fmt.Errorf("unable to create pods, no labels")
	}
	out, err := c.cfg.Client.Create(ctx, pod)
	if apierrors.HasStatusCause(err, corev1.NamespaceTerminatingCause) {
		return err // no event: every create fails until the namespace is gone
	}
	if err != nil {
		c.event(w, corev1.EventTypeWarning, "FailedCreate", "Error creating: %v", err)
		return err
	}
	c.event(w, corev1.EventTypeNormal, "SuccessfulCreate", "Created pod: %v", out.(*corev1.Pod).Name)
	return nil
}

// delete removes the n pods cheapest to lose, in parallel.
func (c *Controller) delete(ctx context.Context, w *Workload, key string, owned []*corev1.Pod, n int) error {
	victims := pods.ToDelete(owned, c.related(w, owned), n, c.cfg.Clock())
	podKeys := make([]string, len(victims))
	for i, p := range victims {
		podKeys[i] = pods.Key(p)
	}
	c.exp.ExpectDeletions(key, podKeys)
	errs := podcontrol.Parallel(len(victims), deleteParallelism, func(i int) error {
		return c.deletePod(ctx, w, key, victims[i])
	})
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func (c *Controller) deletePod(ctx context.Context, w *Workload, key string, p *corev1.Pod) error {
	err := c.cfg.Client.Delete(ctx, podsResource, p.Namespace, p.Name, &metav1.DeleteOptions{Preconditions: &metav1.Preconditions{UID: &p.UID}})
	if err == nil {
		c.event(w, corev1.EventTypeNormal, "SuccessfulDelete", "Deleted pod: %v", p.Name)
		return nil
	}
	// The informer will not see this deletion: do not wait for it.
	c.exp.DeletionObserved(key, pods.Key(p))
	if apierrors.IsNotFound(err) {
		return nil
	}
	c.event(w, corev1.EventTypeWarning, "FailedDelete", "Error deleting: %v", err)
	return err
}
