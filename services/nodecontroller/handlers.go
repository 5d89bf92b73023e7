package nodecontroller

import (
	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/controller"
)

// handler is an informer handler.
type handler = func(watch.EventType, runtime.Object, runtime.Object)

// sameName maps a node's Lease to the node.
func sameName(obj runtime.Object) []controller.Request {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil
	}
	return []controller.Request{{Name: m.GetName()}}
}

// podsOnNode enqueues a node's pods when what eviction depends on changed:
// its taints, or whether it is Ready.
func (w *world) podsOnNode(evict *controller.Controller) handler {
	return func(t watch.EventType, obj, old runtime.Object) {
		node := obj.(*corev1.Node)
		if o, ok := old.(*corev1.Node); ok && isReady(o) == isReady(node) && apiequality.Semantic.DeepEqual(o.Spec.Taints, node.Spec.Taints) {
			return
		}
		for _, p := range w.pods.List("", nil) {
			if pod := p.(*corev1.Pod); pod.Spec.NodeName == node.Name {
				evict.Enqueue(controller.Request{Namespace: pod.Namespace, Name: pod.Name})
			}
		}
	}
}

// fanOut is one handler calling several in turn.
func fanOut(hs []handler) handler {
	return func(t watch.EventType, obj, old runtime.Object) {
		for _, h := range hs {
			h(t, obj, old)
		}
	}
}
