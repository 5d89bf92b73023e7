package rest

import (
	"net/http"
)

func (h *Handler) get(w http.ResponseWriter, r *http.Request, req request) error {
	obj, err := h.cfg.Store.Get(r.Context(), req.res, req.namespace, req.name)
	if err != nil {
		return err
	}
	if wantsTable(r) {
		return h.writeTable(w, r, req.res, []runtimeObject{obj}, obj)
	}
	writeObject(w, r, http.StatusOK, obj)
	return nil
}
