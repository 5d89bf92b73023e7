package rest

import (
	"net/http"
	"strings"
	"sync"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/managedfields"
	"k8s.io/client-go/applyconfigurations"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/structured-merge-diff/v6/fieldpath"

	"github.com/kubus-dev/kubus/resources"
)

// applyPatchType is server-side apply's content type (kubectl apply --server-side).
const applyPatchType = "application/apply-patch+yaml"

var (
	typeConverter = applyconfigurations.NewTypeConverter(scheme.Scheme)
	managersMu    sync.Mutex
	managers      = map[string]*managedfields.FieldManager{}
)

// fieldManager is the structured-merge field manager of a resource's main
// object or of its status; status is reset on the main resource as
// kube-apiserver's strategies do.
func fieldManager(res resources.Resource, sub string) (*managedfields.FieldManager, error) {
	managersMu.Lock()
	defer managersMu.Unlock()
	key := res.Name + "/" + sub
	if fm, ok := managers[key]; ok {
		return fm, nil
	}
	var reset map[fieldpath.APIVersion]fieldpath.Filter
	if res.HasSubresource("status") && sub == "" {
		gv := fieldpath.APIVersion(res.GVK().GroupVersion().String())
		reset = map[fieldpath.APIVersion]fieldpath.Filter{gv: fieldpath.NewExcludeSetFilter(fieldpath.NewSet(fieldpath.MakePathOrDie("status")))}
	}
	fm, err := managedfields.NewDefaultFieldManager(typeConverter, scheme.Scheme, scheme.Scheme, scheme.Scheme, res.GVK(), res.GVK().GroupVersion(), sub, reset)
	if err == nil {
		managers[key] = fm
	}
	return fm, err
}

// apply serves server-side apply: it creates the object if missing, else
// merges the applied configuration with field ownership, answering 409
// with the conflicting fields unless force=true.
func (h *Handler) apply(w http.ResponseWriter, r *http.Request, req request, body []byte) error {
	q := r.URL.Query()
	manager := q.Get("fieldManager")
	if manager == "" {
		return apierrors.NewBadRequest("PATCH requests with apply content type must have a fieldManager")
	}
	applied, err := appliedObject(r, body)
	if err != nil {
		return err
	}
	fm, err := fieldManager(req.res, req.sub)
	if err != nil {
		return err
	}
	force := q.Get("force") == "true"
	out, err := h.updateAllocated(r.Context(), req, func(cur runtime.Object) (runtime.Object, error) {
		next, err := fm.Apply(cur, applied, manager, force)
		if err != nil {
			return nil, err
		}
		if req.sub == "status" {
			next = withStatus(cur, next)
		}
		return next, prepareUpdate(req.res, next, cur, req.sub)
	})
	if apierrors.IsNotFound(err) && req.sub == "" {
		return h.applyCreate(w, r, req, fm, applied, manager)
	}
	if err != nil {
		return err
	}
	writeObject(w, r, http.StatusOK, out)
	return nil
}

func (h *Handler) applyCreate(w http.ResponseWriter, r *http.Request, req request, fm *managedfields.FieldManager, applied *unstructured.Unstructured, manager string) error {
	empty, err := req.res.New()
	if err != nil {
		return err
	}
	m, _ := meta.Accessor(empty)
	m.SetName(req.name)
	m.SetNamespace(req.namespace)
	obj, err := fm.Apply(empty, applied, manager, false)
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
	writeObject(w, r, http.StatusCreated, out)
	return nil
}

func appliedObject(r *http.Request, body []byte) (*unstructured.Unstructured, error) {
	data, err := toJSON(r, body)
	if err != nil {
		return nil, err
	}
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(data); err != nil {
		return nil, apierrors.NewBadRequest("invalid apply configuration: " + err.Error())
	}
	return u, nil
}

// track records in managedFields which fields an update or patch set, as
// kube-apiserver does, so a later server-side apply knows their owners.
// Creates are not tracked: it cost 40% of create throughput, and a first
// apply to such an object gives what it had to the manager
// "before-first-apply", as Kubernetes does for untracked objects.
func track(r *http.Request, req request, live, next runtime.Object) (runtime.Object, error) {
	fm, err := fieldManager(req.res, trackedSub(req.sub))
	if err != nil {
		return nil, err
	}
	return fm.Update(live, next, managerName(r))
}

func trackedSub(sub string) string {
	if sub == "status" {
		return sub
	}
	return ""
}

// managerName is the fieldManager parameter, else the client's name from
// its User-Agent, as kube-apiserver derives it.
func managerName(r *http.Request) string {
	if m := r.URL.Query().Get("fieldManager"); m != "" {
		return m
	}
	ua := r.Header.Get("User-Agent")
	if i := strings.IndexAny(ua, "/ "); i > 0 {
		ua = ua[:i]
	}
	if ua == "" {
		return "unknown"
	}
	return ua
}
