package namespace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/logging"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
)

type reconciler struct {
	client     *client.Client
	namespaces *client.Informer
	contents   *tracker
	recheck    time.Duration
}

// Reconcile empties one terminating namespace a step further and
// finalizes it once nothing is left.
func (r *reconciler) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := r.namespaces.Get("", req.Name)
	if !ok || !needsEmptying(obj.(*corev1.Namespace)) {
		r.contents.stop(req.Name)
		return controller.Result{}, nil
	}
	left, err := r.empty(ctx, r.contents.list, req.Name)
	if err == nil && left == 0 {
		left, err = r.empty(ctx, r.listAll, req.Name)
	}
	if err != nil {
		return controller.Result{}, err
	}
	if left > 0 {
		// Deletions bring events that enqueue the namespace again; the
		// recheck only covers what changes silently.
		return controller.Result{RequeueAfter: r.recheck}, nil
	}
	if err := r.finalize(ctx, obj.(*corev1.Namespace)); err != nil {
		return controller.Result{}, err
	}
	logging.From(ctx).Info("namespace emptied and finalized", zap.String("namespace", req.Name))
	r.contents.stop(req.Name)
	return controller.Result{}, nil
}

// empty deletes what list finds in ns and says how much was left.
func (r *reconciler) empty(ctx context.Context, list func(context.Context, string) ([]item, error), ns string) (int, error) {
	items, err := list(ctx, ns)
	if err != nil {
		return 0, err
	}
	del, left := sweep(items)
	for _, it := range del {
		if err := r.delete(ctx, it); err != nil {
			return 0, err
		}
	}
	return left, nil
}

// needsEmptying: deleted, and still waiting for this controller.
func needsEmptying(ns *corev1.Namespace) bool {
	return ns.DeletionTimestamp != nil && slices.Contains(ns.Spec.Finalizers, corev1.FinalizerKubernetes)
}

// sweep picks, of what is left in a namespace, the objects to delete now:
// those not already on their way out (a deletionTimestamp means finalizers
// or a node's graceful pod shutdown still run; deleting again would not
// hurry them). It also says how many objects are left in all.
func sweep(items []item) (del []item, left int) {
	for _, it := range items {
		if it.obj.GetDeletionTimestamp() == nil {
			del = append(del, it)
		}
	}
	return del, len(items)
}

// delete deletes one object, its dependents in the background as
// kube-controller-manager does; pods keep their graceful shutdown.
func (r *reconciler) delete(ctx context.Context, it item) error {
	uid := it.obj.GetUID()
	bg := metav1.DeletePropagationBackground
	err := r.client.Delete(ctx, it.res, it.obj.GetNamespace(), it.obj.GetName(), &metav1.DeleteOptions{PropagationPolicy: &bg, Preconditions: &metav1.Preconditions{UID: &uid}})
	if apierrors.IsNotFound(err) || apierrors.IsConflict(err) {
		return nil // already gone, or replaced: its own event brings it back
	}
	return err
}

// finalize removes the "kubernetes" finalizer through the finalize
// subresource; the apiserver then deletes the namespace. The
// resourceVersion makes it compare-and-set.
func (r *reconciler) finalize(ctx context.Context, ns *corev1.Namespace) error {
	next := ns.DeepCopy()
	next.APIVersion, next.Kind = "v1", "Namespace"
	next.Spec.Finalizers = slices.DeleteFunc(next.Spec.Finalizers, func(f corev1.FinalizerName) bool { return f == corev1.FinalizerKubernetes })
	body, err := json.Marshal(next)
	if err != nil {
		return err
	}
	_, err = r.client.Do(ctx, &kubusv1.APIRequest{Method: http.MethodPut, Path: client.Path(namespaces, "", ns.Name, "finalize"), ContentType: "application/json", Body: body})
	if !apierrors.IsNotFound(err) {
		return err
	}
	// NotFound is fine if the namespace is gone, but an apiserver that
	// does not serve the finalize subresource answers it too.
	if _, gerr := r.client.Get(ctx, namespaces, "", ns.Name); apierrors.IsNotFound(gerr) {
		return nil
	}
	return fmt.Errorf("finalize namespace %s: %w", ns.Name, err)
}
