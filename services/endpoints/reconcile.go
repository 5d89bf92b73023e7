package endpoints

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
)

type watchType = watch.EventType

type reconciler struct {
	client                            *client.Client
	services, pods, endpoints, slices *client.Informer
}

// Reconcile writes the service's Endpoints and EndpointSlice when they
// differ from what its pods say, and removes them with the service.
func (r *reconciler) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := r.services.Get(req.Namespace, req.Name)
	if !ok {
		return controller.Result{}, r.cleanup(ctx, req)
	}
	svc := obj.(*corev1.Service)
	if svc.Spec.Selector == nil {
		return controller.Result{}, nil
	}
	var pods []*corev1.Pod
	for _, o := range r.pods.List(svc.Namespace, labels.SelectorFromSet(svc.Spec.Selector)) {
		pods = append(pods, o.(*corev1.Pod))
	}
	addrs := addresses(svc, pods)
	if err := r.syncEndpoints(ctx, buildEndpoints(svc, addrs)); err != nil {
		return controller.Result{}, err
	}
	return controller.Result{}, r.syncSlice(ctx, buildSlice(svc, addrs))
}

func (r *reconciler) syncEndpoints(ctx context.Context, want *corev1.Endpoints) error {
	cur, ok := r.endpoints.Get(want.Namespace, want.Name)
	if !ok {
		return ignoreExists(r.create(ctx, want))
	}
	c := cur.(*corev1.Endpoints)
	if apiequality.Semantic.DeepEqual(c.Subsets, want.Subsets) && apiequality.Semantic.DeepEqual(c.Labels, want.Labels) {
		return nil
	}
	next := c.DeepCopy()
	next.Subsets, next.Labels = want.Subsets, want.Labels
	_, err := r.client.Update(ctx, next)
	return err
}

func (r *reconciler) syncSlice(ctx context.Context, want *discoveryv1.EndpointSlice) error {
	cur, ok := r.slices.Get(want.Namespace, want.Name)
	if !ok {
		return ignoreExists(r.create(ctx, want))
	}
	c := cur.(*discoveryv1.EndpointSlice)
	if apiequality.Semantic.DeepEqual(c.Endpoints, want.Endpoints) && apiequality.Semantic.DeepEqual(c.Ports, want.Ports) {
		return nil
	}
	next := c.DeepCopy()
	next.Endpoints, next.Ports, next.Labels = want.Endpoints, want.Ports, want.Labels
	_, err := r.client.Update(ctx, next)
	return err
}

func (r *reconciler) create(ctx context.Context, obj runtime.Object) error {
	_, err := r.client.Create(ctx, obj)
	return err
}

// cleanup deletes what this controller wrote for a deleted service.
func (r *reconciler) cleanup(ctx context.Context, req controller.Request) error {
	if _, ok := r.endpoints.Get(req.Namespace, req.Name); ok {
		if err := r.client.Delete(ctx, endpointsRes, req.Namespace, req.Name, nil); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	for _, o := range r.slices.List(req.Namespace, labels.SelectorFromSet(labels.Set{discoveryv1.LabelServiceName: req.Name, discoveryv1.LabelManagedBy: ManagedBy})) {
		s := o.(*discoveryv1.EndpointSlice)
		if err := r.client.Delete(ctx, slicesRes, s.Namespace, s.Name, nil); err != nil && !apierrors.IsNotFound(err) {
			return err
		}
	}
	return nil
}

func ignoreExists(err error) error {
	if apierrors.IsAlreadyExists(err) {
		return nil
	}
	return err
}
