package rest

import (
	"context"
	"fmt"
	"net/http"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
)

func (h *Handler) update(w http.ResponseWriter, r *http.Request, req request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	obj, warnings, err := decodeObject(r, body, req.res, req.res.GVK())
	if err != nil {
		return err
	}
	if err := checkIdentity(req, obj); err != nil {
		return err
	}
	out, err := h.replace(r, req, obj)
	if err != nil {
		return err
	}
	warn(w, warnings)
	writeObject(w, r, http.StatusOK, out)
	return nil
}

// checkIdentity makes sure a body names the object of its URL.
func checkIdentity(req request, obj runtime.Object) error {
	m, err := meta.Accessor(obj)
	if err != nil {
		return err
	}
	if err := setNamespace(req, m); err != nil {
		return err
	}
	if m.GetName() != req.name {
		return apierrors.NewBadRequest(fmt.Sprintf("the name of the object (%s) does not match the name on the URL (%s)", m.GetName(), req.name))
	}
	return nil
}

// replace writes obj over the stored object. A resourceVersion in obj is a
// precondition (stale means Conflict); without one the update is
// unconditional, as kube-apiserver allows for these kinds.
func (h *Handler) replace(r *http.Request, req request, obj runtime.Object) (runtime.Object, error) {
	ctx := r.Context()
	out, err := h.updateAllocated(ctx, req, func(cur runtime.Object) (runtime.Object, error) {
		next := obj.DeepCopyObject()
		switch req.sub {
		case "status":
			next = withStatus(cur, next)
		case "finalize":
			next = withFinalizers(cur, next)
		}
		if err := prepareUpdate(req.res, next, cur, req.sub); err != nil {
			return nil, err
		}
		return track(r, req, cur, next)
	})
	if err != nil {
		return nil, err
	}
	return h.finishDeletion(ctx, req, out)
}

// finishDeletion removes an object whose deletion only waited for its
// finalizers, once the last one is gone.
func (h *Handler) finishDeletion(ctx context.Context, req request, obj runtime.Object) (runtime.Object, error) {
	m, _ := meta.Accessor(obj)
	if m.GetDeletionTimestamp() == nil || len(m.GetFinalizers()) > 0 {
		return obj, nil
	}
	if g := m.GetDeletionGracePeriodSeconds(); g != nil && *g > 0 {
		return obj, nil // a node still has to finish a graceful pod deletion
	}
	if ns, ok := obj.(*corev1.Namespace); ok && len(ns.Spec.Finalizers) > 0 {
		return obj, nil // the namespace controller has not emptied it yet
	}
	out, err := h.cfg.Store.Delete(ctx, req.res, req.namespace, req.name, sameUID(m))
	if apierrors.IsNotFound(err) {
		return obj, nil
	}
	if err == nil {
		h.release(ctx, out)
	}
	return out, err
}

// withStatus is cur with only the status taken from next: the status
// subresource changes nothing else.
func withStatus(cur, next runtime.Object) runtime.Object {
	out := cur.DeepCopyObject()
	setField(out, "Status", fieldOf(next, "Status"))
	nm, _ := meta.Accessor(next)
	om, _ := meta.Accessor(out)
	om.SetResourceVersion(nm.GetResourceVersion())
	return out
}

// withFinalizers is cur with only the namespace's spec.finalizers from
// next: what the namespace controller's finalize call changes.
func withFinalizers(cur, next runtime.Object) runtime.Object {
	out := cur.DeepCopyObject().(*corev1.Namespace)
	n := next.(*corev1.Namespace)
	out.Spec.Finalizers, out.ResourceVersion = n.Spec.Finalizers, n.ResourceVersion
	return out
}
