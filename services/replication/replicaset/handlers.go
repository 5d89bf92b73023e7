package replicaset

import (
	"reflect"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/services/replication/pods"
)

// OnWorkload is the informer handler for objects of the Kind.
func (c *Controller) OnWorkload(t watch.EventType, obj, _ runtime.Object) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return
	}
	req := controller.Request{Namespace: m.GetNamespace(), Name: m.GetName()}
	if t == watch.Deleted {
		c.exp.Delete(req.String())
	}
	c.ctrl.Enqueue(req)
}

// OnPod is the informer handler for pods. It counts the creates and
// deletes the controller expects as seen, and wakes the owner, or for an
// orphan every object that might adopt it.
func (c *Controller) OnPod(t watch.EventType, obj, old runtime.Object) {
	pod, ok := obj.(*corev1.Pod)
	if !ok {
		return
	}
	switch {
	case t == watch.Deleted || pod.DeletionTimestamp != nil:
		c.podGone(pod)
	case t == watch.Added:
		c.podAdded(pod)
	default:
		c.podChanged(pod, old.(*corev1.Pod))
	}
}

func (c *Controller) podAdded(pod *corev1.Pod) {
	ref := metav1.GetControllerOfNoCopy(pod)
	if ref == nil {
		c.enqueueSelecting(pod)
		return
	}
	if req, ok := c.resolve(pod.Namespace, ref); ok {
		c.exp.CreationObserved(req.String())
		c.ctrl.Enqueue(req)
	}
}

func (c *Controller) podGone(pod *corev1.Pod) {
	if req, ok := c.resolve(pod.Namespace, metav1.GetControllerOfNoCopy(pod)); ok {
		c.exp.DeletionObserved(req.String(), pods.Key(pod))
		c.ctrl.Enqueue(req)
	}
}

// podChanged wakes the owner, and the former owner when the controller
// reference changed; an orphan whose labels changed may be adopted now.
func (c *Controller) podChanged(pod, old *corev1.Pod) {
	ref, oldRef := metav1.GetControllerOfNoCopy(pod), metav1.GetControllerOfNoCopy(old)
	refChanged := !reflect.DeepEqual(ref, oldRef)
	if oldReq, ok := c.resolve(pod.Namespace, oldRef); ok && refChanged {
		c.ctrl.Enqueue(oldReq)
	}
	if ref != nil {
		if req, ok := c.resolve(pod.Namespace, ref); ok {
			c.ctrl.Enqueue(req)
			c.whenAvailable(req, pod, old)
		}
		return
	}
	if refChanged || !reflect.DeepEqual(pod.Labels, old.Labels) {
		c.enqueueSelecting(pod)
	}
}

// whenAvailable looks at the owner again once a pod that just became
// ready has been ready for minReadySeconds.
func (c *Controller) whenAvailable(req controller.Request, pod, old *corev1.Pod) {
	if pods.IsReady(old) || !pods.IsReady(pod) {
		return
	}
	if obj, ok := c.cfg.Workloads.Get(req.Namespace, req.Name); ok {
		if w, _ := c.cfg.Kind.view(obj); w != nil && w.MinReadySeconds > 0 {
			c.ctrl.EnqueueAfter(req, time.Duration(w.MinReadySeconds)*time.Second+time.Second)
		}
	}
}

// resolve is the object of this Kind ref names, if it still exists with
// the same uid.
func (c *Controller) resolve(ns string, ref *metav1.OwnerReference) (controller.Request, bool) {
	if ref == nil || ref.Kind != c.cfg.Kind.GVK.Kind {
		return controller.Request{}, false
	}
	obj, ok := c.cfg.Workloads.Get(ns, ref.Name)
	if !ok {
		return controller.Request{}, false
	}
	if m, err := meta.Accessor(obj); err != nil || m.GetUID() != ref.UID {
		return controller.Request{}, false
	}
	return controller.Request{Namespace: ns, Name: ref.Name}, true
}

// enqueueSelecting wakes every object whose selector matches an orphan.
func (c *Controller) enqueueSelecting(pod *corev1.Pod) {
	for _, obj := range c.cfg.Workloads.List(pod.Namespace, nil) {
		w, ok := c.cfg.Kind.view(obj)
		if ok && w.Selector.Matches(labels.Set(pod.Labels)) {
			c.ctrl.Enqueue(controller.Request{Namespace: pod.Namespace, Name: w.Meta.GetName()})
		}
	}
}
