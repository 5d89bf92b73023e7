package rest

import (
	"net/http"

	"k8s.io/apimachinery/pkg/api/meta"
)

// deleteCollection deletes every object the selectors match, one by one,
// each with the same semantics as a single delete.
func (h *Handler) deleteCollection(w http.ResponseWriter, r *http.Request, req request) error {
	opts, err := deleteOptions(r)
	if err != nil {
		return err
	}
	lo, err := listOptions(req, r.URL.Query())
	if err != nil {
		return err
	}
	res, err := h.cfg.Store.List(r.Context(), req.res, lo)
	if err != nil {
		return err
	}
	var deleted []runtimeObject
	for _, obj := range res.Items {
		m, _ := meta.Accessor(obj)
		one := req
		one.namespace, one.name = m.GetNamespace(), m.GetName()
		out, err := h.remove(r.Context(), one, opts)
		if err != nil && !isNotFound(err) {
			return err
		}
		if out != nil {
			deleted = append(deleted, out)
		}
	}
	list, _ := req.res.NewList()
	_ = meta.SetList(list, deleted)
	list.GetObjectKind().SetGroupVersionKind(req.res.GVK().GroupVersion().WithKind(req.res.Kind + "List"))
	writeObject(w, r, http.StatusOK, list)
	return nil
}
