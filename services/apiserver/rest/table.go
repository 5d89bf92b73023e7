package rest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/printers"
)

// wantsTable reports whether the client asked for server-side printing, as
// kubectl get does with "application/json;as=Table;v=v1;g=meta.k8s.io".
func wantsTable(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "as=Table")
}

// tableVersion answers in v1 unless the client only accepts v1beta1.
func tableVersion(r *http.Request) string {
	acc := r.Header.Get("Accept")
	if strings.Contains(acc, "as=Table;v=v1;") || strings.Contains(acc, "as=Table;v=v1,") || strings.HasSuffix(acc, "as=Table;v=v1") || !strings.Contains(acc, "v1beta1") {
		return "meta.k8s.io/v1"
	}
	return "meta.k8s.io/v1beta1"
}

func (h *Handler) writeTable(w http.ResponseWriter, r *http.Request, res resources.Resource, items []runtime.Object, from runtime.Object) error {
	t, err := h.table(r, res, items)
	if err != nil {
		return err
	}
	if lm, err := meta.ListAccessor(from); err == nil {
		t.ResourceVersion, t.Continue, t.RemainingItemCount = lm.GetResourceVersion(), lm.GetContinue(), lm.GetRemainingItemCount()
	}
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(t)
}

// table prints objects as rows with the resource's columns.
func (h *Handler) table(r *http.Request, res resources.Resource, items []runtime.Object) (*metav1.Table, error) {
	p, ok := printers.For(res.GroupResource())
	if !ok {
		p = printers.Default()
	}
	t := &metav1.Table{ColumnDefinitions: p.Columns, Rows: []metav1.TableRow{}}
	t.APIVersion, t.Kind = tableVersion(r), "Table"
	include := r.URL.Query().Get("includeObject")
	now := h.cfg.Clock()
	for _, obj := range items {
		cells, err := p.Cells(obj, now)
		if err != nil {
			return nil, err
		}
		raw, err := rowObject(obj, include)
		if err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, metav1.TableRow{Cells: cells, Object: runtime.RawExtension{Raw: raw}})
	}
	return t, nil
}

// rowObject is PartialObjectMetadata by default (kubectl reads namespace and
// labels from it), the full object for includeObject=Object.
func rowObject(obj runtime.Object, include string) ([]byte, error) {
	switch include {
	case "None":
		return nil, nil
	case "Object":
		var buf bytes.Buffer
		err := encoder.Encode(obj, &buf)
		return bytes.TrimSpace(buf.Bytes()), err
	}
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, err
	}
	pom := meta.AsPartialObjectMetadata(m)
	pom.APIVersion, pom.Kind = "meta.k8s.io/v1", "PartialObjectMetadata"
	return json.Marshal(pom)
}
