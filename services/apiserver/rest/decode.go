package rest

import (
	"fmt"
	"io"
	"mime"
	"net/http"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	k8sjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/runtime/serializer/protobuf"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"

	"github.com/kubus-dev/kubus/resources"
)

// maxBody is kube-apiserver's limit for a request body.
const maxBody = 3 << 20

var (
	protobufCodec = protobuf.NewSerializer(scheme.Scheme, scheme.Scheme)
	lenient       = resources.JSON
	strict        = k8sjson.NewSerializerWithOptions(k8sjson.DefaultMetaFactory, scheme.Scheme, scheme.Scheme, k8sjson.SerializerOptions{Strict: true})
)

// readBody reads at most maxBody bytes; more is 413.
func readBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, apierrors.NewBadRequest("reading request body: " + err.Error())
	}
	if len(body) > maxBody {
		return nil, apierrors.NewRequestEntityTooLargeError(fmt.Sprintf("limit is %d", maxBody))
	}
	return body, nil
}

// toJSON accepts JSON and YAML bodies.
func toJSON(r *http.Request, body []byte) ([]byte, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/yaml" && ct != applyPatchType {
		return body, nil
	}
	out, err := yaml.YAMLToJSON(body)
	if err != nil {
		return nil, apierrors.NewBadRequest("invalid YAML: " + err.Error())
	}
	return out, nil
}

// decodeObject reads a body into the resource's type, honouring
// fieldValidation (Strict rejects unknown and duplicate fields, Warn reports
// them as warnings, Ignore drops them). gvk is the kind the path expects.
func decodeObject(r *http.Request, body []byte, res resources.Resource, gvk schema.GroupVersionKind) (runtime.Object, []string, error) {
	body, err := toJSON(r, body)
	if err != nil {
		return nil, nil, err
	}
	mode := r.URL.Query().Get("fieldValidation")
	if isProtobuf(r) {
		return decodeProtobuf(body, gvk)
	}
	dec := lenient
	if mode == "Strict" || mode == "Warn" || mode == "" {
		dec = strict
	}
	into, err := scheme.Scheme.New(gvk)
	if err != nil {
		return nil, nil, err
	}
	obj, actual, err := dec.Decode(body, &gvk, into)
	var warnings []string
	if err != nil && runtime.IsStrictDecodingError(err) && mode != "Strict" {
		warnings = strictWarnings(err)
		err = nil
	}
	if err != nil {
		return nil, nil, cannotHandle(gvk, err)
	}
	if actual == nil || *actual != gvk {
		return nil, nil, mismatch(actual, gvk)
	}
	return obj, warnings, nil
}

func strictWarnings(err error) []string {
	sde, ok := runtime.AsStrictDecodingError(err)
	if !ok {
		return []string{err.Error()}
	}
	var out []string
	for _, e := range sde.Errors() {
		out = append(out, e.Error())
	}
	return out
}

func cannotHandle(gvk schema.GroupVersionKind, err error) error {
	return apierrors.NewBadRequest(fmt.Sprintf("%s in version %q cannot be handled as a %s: %v", gvk.Kind, gvk.Version, gvk.Kind, err))
}

func mismatch(actual *schema.GroupVersionKind, want schema.GroupVersionKind) error {
	if actual == nil {
		return apierrors.NewBadRequest("the body does not name a kind")
	}
	if actual.GroupVersion() != want.GroupVersion() {
		return apierrors.NewBadRequest(fmt.Sprintf("the API version in the data (%s) does not match the expected API version (%s)", actual.GroupVersion(), want.GroupVersion()))
	}
	return apierrors.NewBadRequest(fmt.Sprintf("the kind in the data (%s) does not match the expected kind (%s)", actual.Kind, want.Kind))
}

// protobufType is Kubernetes protobuf, for bodies and answers.
const protobufType = "application/vnd.kubernetes.protobuf"

// isProtobuf reports a Kubernetes protobuf body, as client-go sends by
// default for built-in types.
func isProtobuf(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return ct == protobufType
}

// decodeProtobuf reads a protobuf body; protobuf has no unknown fields to
// validate.
func decodeProtobuf(body []byte, gvk schema.GroupVersionKind) (runtime.Object, []string, error) {
	into, err := scheme.Scheme.New(gvk)
	if err != nil {
		return nil, nil, err
	}
	obj, actual, err := protobufCodec.Decode(body, &gvk, into)
	if err != nil {
		return nil, nil, cannotHandle(gvk, err)
	}
	if actual == nil || *actual != gvk {
		return nil, nil, mismatch(actual, gvk)
	}
	return obj, nil, nil
}
