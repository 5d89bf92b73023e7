package rest

import (
	"net/http"
	"net/url"
	"strconv"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"

	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

func (h *Handler) list(w http.ResponseWriter, r *http.Request, req request) error {
	opts, err := listOptions(req, r.URL.Query())
	if err != nil {
		return err
	}
	res, err := h.cfg.Store.List(r.Context(), req.res, opts)
	if err != nil {
		return err
	}
	list, err := req.res.NewList()
	if err != nil {
		return err
	}
	if err := meta.SetList(list, res.Items); err != nil {
		return err
	}
	lm, _ := meta.ListAccessor(list)
	lm.SetResourceVersion(strconv.FormatUint(res.Revision, 10))
	lm.SetContinue(res.Continue)
	lm.SetRemainingItemCount(res.Remaining)
	list.GetObjectKind().SetGroupVersionKind(req.res.GVK().GroupVersion().WithKind(req.res.Kind + "List"))
	if wantsTable(r) {
		return h.writeTable(w, r, req.res, res.Items, list)
	}
	writeObject(w, r, http.StatusOK, list)
	return nil
}

func listOptions(req request, q url.Values) (storage.ListOptions, error) {
	filter, err := filterFor(req.res, q, req.namespace)
	if err != nil {
		return storage.ListOptions{}, err
	}
	opts := storage.ListOptions{Namespace: req.namespace, Filter: filter, Continue: q.Get("continue")}
	if l := q.Get("limit"); l != "" {
		if opts.Limit, err = strconv.ParseInt(l, 10, 64); err != nil || opts.Limit < 0 {
			return opts, apierrors.NewBadRequest("invalid limit: " + l)
		}
	}
	rv, err := storage.ParseRV(q.Get("resourceVersion"))
	if err != nil {
		return opts, apierrors.NewBadRequest("invalid resourceVersion: " + q.Get("resourceVersion"))
	}
	opts.AnyVersion = q.Get("resourceVersion") == "0"
	opts.MinRevision = rv
	return opts, nil
}
