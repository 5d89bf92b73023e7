package rest

import (
	"fmt"
	"net/http"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

var namespaces, _ = resources.Lookup("", "v1", "namespaces")

// checkNamespaceOf refuses objects in a namespace that does not exist or is
// terminating (kube-apiserver's NamespaceLifecycle admission).
func (h *Handler) checkNamespaceOf(r *http.Request, req request, obj runtime.Object) error {
	if !req.res.Namespaced {
		return nil
	}
	m, _ := meta.Accessor(obj)
	got, err := h.cfg.Store.GetCached(r.Context(), namespaces, "", m.GetNamespace())
	if err != nil {
		return err
	}
	if ns := got.(*corev1.Namespace); ns.Status.Phase == corev1.NamespaceTerminating {
		return apierrors.NewForbidden(req.res.GroupResource(), m.GetName(),
			fmt.Errorf("unable to create new content in namespace %s because it is being terminated", ns.Name))
	}
	return nil
}
