package nodecontroller

import (
	"context"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/logging"
)

// evictor deletes pods whose tolerations of their node's NoExecute taints
// ran out, and force-deletes terminating pods a node that is not Ready
// will never finish (what the pod GC does for out-of-service nodes).
type evictor struct {
	cfg         *Config
	client      *client.Client
	nodes, pods *client.Informer
	defaults    tolerationDefaults
}

// Reconcile looks at one pod and comes back when its next deadline is due.
func (e *evictor) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := e.pods.Get(req.Namespace, req.Name)
	if !ok || obj.(*corev1.Pod).Spec.NodeName == "" {
		return controller.Result{}, nil
	}
	pod := obj.(*corev1.Pod)
	var node *corev1.Node
	if n, ok := e.nodes.Get("", pod.Spec.NodeName); ok {
		node = n.(*corev1.Node)
	}
	now := e.cfg.Clock()
	if pod.DeletionTimestamp != nil {
		return e.finish(ctx, pod, node, now)
	}
	if node == nil {
		return controller.Result{}, nil
	}
	at, ok := evictionTime(pod, node.Spec.Taints, e.defaults, now)
	if !ok {
		return controller.Result{}, nil
	}
	if wait := at.Sub(now); wait > 0 {
		return controller.Result{RequeueAfter: wait}, nil
	}
	logging.From(ctx).Info("evicting pod from tainted node", zap.String("pod", req.String()), zap.String("node", node.Name))
	return controller.Result{}, e.delete(ctx, pod, nil)
}

// finish force-deletes a terminating pod once its grace period is over if
// its node is gone or not Ready: no kubelet will confirm the pod stopped.
func (e *evictor) finish(ctx context.Context, pod *corev1.Pod, node *corev1.Node, now time.Time) (controller.Result, error) {
	if node != nil && isReady(node) {
		return controller.Result{}, nil // its kubelet finishes it
	}
	if wait := pod.DeletionTimestamp.Sub(now); wait > 0 {
		return controller.Result{RequeueAfter: wait}, nil
	}
	logging.From(ctx).Info("force deleting pod of a node that is not ready", zap.String("pod", pod.Namespace+"/"+pod.Name), zap.String("node", pod.Spec.NodeName))
	return controller.Result{}, e.delete(ctx, pod, new(int64(0)))
}

// delete deletes this very pod (not a namesake created since).
func (e *evictor) delete(ctx context.Context, pod *corev1.Pod, grace *int64) error {
	opts := &metav1.DeleteOptions{GracePeriodSeconds: grace, Preconditions: &metav1.Preconditions{UID: &pod.UID}}
	err := e.client.Delete(ctx, pods, pod.Namespace, pod.Name, opts)
	if apierrors.IsNotFound(err) || apierrors.IsConflict(err) {
		return nil // gone, or replaced by a pod this reconcile did not judge
	}
	return err
}
