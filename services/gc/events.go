package gc

import (
	"k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/resources"
)

// observe is the informer handler of one resource: it keeps the graph
// current and enqueues whatever a change may have left to collect.
func (c *collector) observe(res resources.Resource) func(watch.EventType, runtime.Object, runtime.Object) {
	return func(t watch.EventType, obj, old runtime.Object) {
		c.handled.Add(1)
		m, err := meta.Accessor(obj)
		if err != nil {
			return
		}
		key := keyOf(res, m.GetNamespace(), m.GetName())
		refs := m.GetOwnerReferences()
		if t == watch.Deleted {
			c.graph.unlink(key, refs)
			c.enqueueDependents(m)                  // they may have lost their last owner
			c.enqueueOwners(m.GetNamespace(), refs) // one may wait for this dependent
			return
		}
		var oldRefs []metav1.OwnerReference
		if o, err := meta.Accessor(old); old != nil && err == nil {
			oldRefs = o.GetOwnerReferences()
		}
		changed := t == watch.Added || !equality.Semantic.DeepEqual(oldRefs, refs)
		if changed {
			c.graph.unlink(key, oldRefs)
			c.graph.link(key, refs)
			c.enqueueOwners(m.GetNamespace(), oldRefs)
		}
		if (changed && len(refs) > 0) || gcFinalizer(m) != "" {
			c.ctrl.Enqueue(key)
		}
	}
}

// enqueueDependents enqueues everything that refers to owner.
func (c *collector) enqueueDependents(owner metav1.Object) {
	for key := range c.graph.dependents(owner.GetUID()) {
		c.ctrl.Enqueue(key)
	}
}

// enqueueOwners enqueues the owners refs point at, found by kind.
func (c *collector) enqueueOwners(ns string, refs []metav1.OwnerReference) {
	for _, r := range refs {
		if res, ok := ownerResource(r); ok {
			c.ctrl.Enqueue(keyOf(res, ns, r.Name))
		}
	}
}
