package controller

import (
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

// EnqueueObject is an informer handler that reconciles the changed object.
func (c *Controller) EnqueueObject(_ watch.EventType, obj, _ runtime.Object) {
	if m, err := meta.Accessor(obj); err == nil {
		c.Enqueue(Request{Namespace: m.GetNamespace(), Name: m.GetName()})
	}
}

// EnqueueMapped is an informer handler that reconciles the requests
// mapFn derives from the changed object (e.g. a pod's owner), for both
// its new and its old state.
func (c *Controller) EnqueueMapped(mapFn func(obj runtime.Object) []Request) func(watch.EventType, runtime.Object, runtime.Object) {
	return func(_ watch.EventType, obj, old runtime.Object) {
		for _, r := range mapFn(obj) {
			c.Enqueue(r)
		}
		if old != nil {
			for _, r := range mapFn(old) {
				c.Enqueue(r)
			}
		}
	}
}

// EnqueueOwner maps an object to its controlling owner of the given kind.
func EnqueueOwner(kind string) func(obj runtime.Object) []Request {
	return func(obj runtime.Object) []Request {
		m, err := meta.Accessor(obj)
		if err != nil {
			return nil
		}
		for _, ref := range m.GetOwnerReferences() {
			if ref.Controller != nil && *ref.Controller && ref.Kind == kind {
				return []Request{{Namespace: m.GetNamespace(), Name: ref.Name}}
			}
		}
		return nil
	}
}
