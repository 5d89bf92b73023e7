package rest

import (
	"net/http"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
)

func (h *Handler) create(w http.ResponseWriter, r *http.Request, req request) error {
	if req.name != "" {
		return methodNotAllowed("POST", req)
	}
	body, err := readBody(r)
	if err != nil {
		return err
	}
	obj, warnings, err := decodeObject(r, body, req.res, req.res.GVK())
	if err != nil {
		return err
	}
	if err := h.prepareCreate(req, obj); err != nil {
		return err
	}
	if err := h.checkNamespaceOf(r, req, obj); err != nil {
		return err
	}
	out, err := h.createAllocated(r, req, obj)
	if err != nil {
		return err
	}
	warn(w, warnings)
	writeObject(w, r, http.StatusCreated, out)
	return nil
}

// createAllocated reserves what the object needs from cluster-wide ranges
// (service IPs and node ports) and releases it if the create fails.
func (h *Handler) createAllocated(r *http.Request, req request, obj runtime.Object) (runtime.Object, error) {
	svc, ok := obj.(*corev1.Service)
	if !ok {
		return h.cfg.Store.Create(r.Context(), req.res, obj)
	}
	// A taken name is AlreadyExists, not an allocation error.
	if _, err := h.cfg.Store.Get(r.Context(), req.res, svc.Namespace, svc.Name); err == nil {
		return nil, apierrors.NewAlreadyExists(req.res.GroupResource(), svc.Name)
	}
	release, err := h.alloc.assign(r.Context(), svc)
	if err != nil {
		return nil, err
	}
	out, err := h.cfg.Store.Create(r.Context(), req.res, obj)
	if err != nil {
		release()
	}
	return out, err
}

// warn sends kube-apiserver style warning headers, which kubectl prints.
func warn(w http.ResponseWriter, warnings []string) {
	for _, m := range warnings {
		w.Header().Add("Warning", `299 - "`+m+`"`)
	}
}
