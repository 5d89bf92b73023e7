package deployment

import (
	"reflect"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/controller"
)

// OnDeployment is the informer handler for Deployments.
func (c *Controller) OnDeployment(_ watch.EventType, obj, _ runtime.Object) {
	c.ctrl.EnqueueObject(watch.Modified, obj, nil)
}

// OnReplicaSet wakes the Deployment controlling a changed replica set
// (and the one that controlled it before), or, for an orphan that is new
// or relabelled, every Deployment that might adopt it.
func (c *Controller) OnReplicaSet(t watch.EventType, obj, old runtime.Object) {
	rs, ok := obj.(*appsv1.ReplicaSet)
	if !ok {
		return
	}
	ref := metav1.GetControllerOfNoCopy(rs)
	if prev, ok := old.(*appsv1.ReplicaSet); ok {
		oldRef := metav1.GetControllerOfNoCopy(prev)
		if !reflect.DeepEqual(ref, oldRef) {
			c.enqueueOwner(rs.Namespace, oldRef)
		} else if ref == nil && reflect.DeepEqual(rs.Labels, prev.Labels) {
			return
		}
	}
	switch {
	case ref != nil:
		c.enqueueOwner(rs.Namespace, ref)
	case t != watch.Deleted:
		c.enqueueSelecting(rs)
	}
}

// OnPod wakes a Recreate Deployment when one of its pods is gone: it
// waits for all old pods to go before it creates new ones.
func (c *Controller) OnPod(t watch.EventType, obj, _ runtime.Object) {
	pod, ok := obj.(*corev1.Pod)
	if !ok || t != watch.Deleted {
		return
	}
	ref := metav1.GetControllerOfNoCopy(pod)
	if ref == nil || ref.Kind != replicaSetKind.Kind {
		return
	}
	rsObj, ok := c.cfg.ReplicaSets.Get(pod.Namespace, ref.Name)
	if !ok || rsObj.(*appsv1.ReplicaSet).UID != ref.UID {
		return
	}
	req, ok := c.owner(pod.Namespace, metav1.GetControllerOfNoCopy(rsObj.(*appsv1.ReplicaSet)))
	if !ok {
		return
	}
	if d, ok := c.cfg.Deployments.Get(req.Namespace, req.Name); ok && d.(*appsv1.Deployment).Spec.Strategy.Type == appsv1.RecreateDeploymentStrategyType {
		c.ctrl.Enqueue(req)
	}
}

func (c *Controller) enqueueOwner(ns string, ref *metav1.OwnerReference) {
	if req, ok := c.owner(ns, ref); ok {
		c.ctrl.Enqueue(req)
	}
}

// owner is the Deployment ref names, if it still exists with that uid.
func (c *Controller) owner(ns string, ref *metav1.OwnerReference) (controller.Request, bool) {
	if ref == nil || ref.Kind != deploymentKind.Kind {
		return controller.Request{}, false
	}
	obj, ok := c.cfg.Deployments.Get(ns, ref.Name)
	if !ok || obj.(*appsv1.Deployment).UID != ref.UID {
		return controller.Request{}, false
	}
	return controller.Request{Namespace: ns, Name: ref.Name}, true
}

func (c *Controller) enqueueSelecting(rs *appsv1.ReplicaSet) {
	for _, obj := range c.cfg.Deployments.List(rs.Namespace, nil) {
		d := obj.(*appsv1.Deployment)
		sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
		if err == nil && !sel.Empty() && sel.Matches(labels.Set(rs.Labels)) {
			c.ctrl.Enqueue(controller.Request{Namespace: d.Namespace, Name: d.Name})
		}
	}
}
