package gc

import (
	"context"
	"slices"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/controller"
)

// delete deletes this very dependent, not a namesake created since.
func (c *collector) delete(ctx context.Context, req controller.Request, m metav1.Object, policy metav1.DeletionPropagation) error {
	gr, name := splitKey(req)
	uid := m.GetUID()
	err := c.client.Delete(ctx, c.infs[gr].res, req.Namespace, name, &metav1.DeleteOptions{PropagationPolicy: &policy, Preconditions: &metav1.Preconditions{UID: &uid}})
	if apierrors.IsNotFound(err) || apierrors.IsConflict(err) {
		return nil
	}
	return err
}

// unlinkOwners removes references to uids from a dependent, by a
// compare-and-set update of what the informer holds.
func (c *collector) unlinkOwners(ctx context.Context, key controller.Request, uids []types.UID) error {
	gr, name := splitKey(key)
	obj, ok := c.infs[gr].Get(key.Namespace, name)
	if !ok {
		return nil
	}
	next := obj.DeepCopyObject()
	m, _ := meta.Accessor(next)
	refs := withoutRefs(m.GetOwnerReferences(), uids)
	if len(refs) == len(m.GetOwnerReferences()) {
		return nil
	}
	m.SetOwnerReferences(refs)
	_, err := c.client.Update(ctx, next)
	if apierrors.IsNotFound(err) {
		return nil
	}
	return err
}

// dropFinalizer removes finalizer f from owner by a compare-and-set
// update; with no finalizer left the apiserver completes the deletion.
func (c *collector) dropFinalizer(ctx context.Context, owner runtime.Object, f string) error {
	next := owner.DeepCopyObject()
	m, err := meta.Accessor(next)
	if err != nil {
		return err
	}
	m.SetFinalizers(slices.DeleteFunc(slices.Clone(m.GetFinalizers()), func(s string) bool { return s == f }))
	_, err = c.client.Update(ctx, next)
	if apierrors.IsNotFound(err) {
		return nil
	}
	return err
}
