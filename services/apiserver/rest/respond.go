package rest

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"

	"github.com/kubus-dev/kubus/resources"
)

var resourceless = schema.GroupResource{}

// encoder writes typed objects with their apiVersion and kind.
var encoder = resources.JSON

// writeObject answers with obj as protobuf when the client prefers it
// (client-go's default for built-in types, and kubus' own services) and
// obj has a protobuf form, else as JSON.
func writeObject(w http.ResponseWriter, r *http.Request, code int, obj runtime.Object) {
	if prefersProtobuf(r) {
		withKind(obj)
		var buf bytes.Buffer
		if err := protobufCodec.Encode(obj, &buf); err == nil {
			w.Header().Set("Content-Type", protobufType)
			w.WriteHeader(code)
			_, _ = w.Write(buf.Bytes())
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if err := encoder.Encode(obj, w); err != nil {
		_ = json.NewEncoder(w).Encode(obj) // types outside the scheme (Table, discovery)
	}
}

// withKind sets obj's apiVersion and kind from the scheme if it has none:
// the protobuf envelope names them.
func withKind(obj runtime.Object) {
	if obj.GetObjectKind().GroupVersionKind().Empty() {
		if gvks, _, err := scheme.Scheme.ObjectKinds(obj); err == nil {
			obj.GetObjectKind().SetGroupVersionKind(gvks[0])
		}
	}
}

// prefersProtobuf: the first type the client accepts is protobuf, and it
// asks for no conversion (as=Table has no protobuf form here).
func prefersProtobuf(r *http.Request) bool {
	first, _, _ := strings.Cut(r.Header.Get("Accept"), ",")
	mt, params, err := mime.ParseMediaType(strings.TrimSpace(first))
	return err == nil && mt == protobufType && params["as"] == ""
}

// writeError answers with err as a metav1.Status, the form kubectl prints
// as "Error from server (Reason): message".
func writeError(w http.ResponseWriter, err error) {
	st := toStatus(err)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(int(st.Code))
	_ = json.NewEncoder(w).Encode(st)
}

func toStatus(err error) *metav1.Status {
	var st metav1.Status
	if s, ok := err.(apierrors.APIStatus); ok {
		st = s.Status()
	} else {
		st = apierrors.NewInternalError(err).ErrStatus
	}
	st.Kind, st.APIVersion = "Status", "v1"
	if st.Status == "" {
		st.Status = metav1.StatusFailure
	}
	return &st
}

// notFoundRoute is kube-apiserver's answer for a path it does not serve.
func notFoundRoute() error {
	return &apierrors.StatusError{ErrStatus: metav1.Status{
		Status: metav1.StatusFailure, Code: http.StatusNotFound, Reason: metav1.StatusReasonNotFound,
		Message: "the server could not find the requested resource", Details: &metav1.StatusDetails{},
	}}
}

func methodNotAllowed(verb string, req request) error {
	return apierrors.NewMethodNotSupported(req.res.GroupResource(), verb)
}
