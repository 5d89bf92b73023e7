package gc

import (
	"context"
	"slices"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/resources"
)

// ownerResource is the served resource of a reference's kind.
func ownerResource(r metav1.OwnerReference) (resources.Resource, bool) {
	gv, err := schema.ParseGroupVersion(r.APIVersion)
	if err != nil {
		return resources.Resource{}, false
	}
	return resources.ByKind(gv.WithKind(r.Kind))
}

// owners judges each owner a dependent in namespace ns refers to.
func (c *collector) owners(ctx context.Context, ns string, refs []metav1.OwnerReference) ([]owner, error) {
	out := make([]owner, 0, len(refs))
	for _, r := range refs {
		s, err := c.ownerState(ctx, ns, r)
		if err != nil {
			return nil, err
		}
		out = append(out, owner{uid: r.UID, state: s})
	}
	return out, nil
}

// ownerState looks the owner up in the informers first. An owner they do
// not show is confirmed absent with a read from the apiserver before
// anything is deleted for it: informers of different resources move
// independently, and a dependent may be seen before its new owner.
func (c *collector) ownerState(ctx context.Context, ns string, r metav1.OwnerReference) (ownerState, error) {
	res, ok := ownerResource(r)
	if !ok {
		return solid, nil // a kind kubus does not serve cannot be shown gone
	}
	if !res.Namespaced {
		ns = ""
	}
	obj, ok := c.infs[res.GroupResource().String()].Get(ns, r.Name)
	if !ok || uidOf(obj) != r.UID {
		live, err := c.client.Get(ctx, res, ns, r.Name)
		if apierrors.IsNotFound(err) {
			return dangling, nil
		}
		if err != nil {
			return solid, err
		}
		obj = live
	}
	m, _ := meta.Accessor(obj)
	switch {
	case m.GetUID() != r.UID:
		return dangling, nil // a namesake: the owner itself is gone
	case m.GetDeletionTimestamp() != nil && slices.Contains(m.GetFinalizers(), metav1.FinalizerDeleteDependents):
		return waiting, nil
	}
	return solid, nil
}

func uidOf(obj runtime.Object) types.UID {
	m, err := meta.Accessor(obj)
	if err != nil {
		return ""
	}
	return m.GetUID()
}
