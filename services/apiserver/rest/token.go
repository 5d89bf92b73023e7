package rest

import (
	"encoding/json"
	"net/http"
	"time"

	authenticationv1 "k8s.io/api/authentication/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"

	"github.com/kubus-dev/kubus/services/apiserver/serviceaccount"
)

var tokenRequestGVK = schema.GroupVersionKind{Group: "authentication.k8s.io", Version: "v1", Kind: "TokenRequest"}

// token serves serviceaccounts/<name>/token (TokenRequest), what
// `kubectl create token` calls.
func (h *Handler) token(w http.ResponseWriter, r *http.Request, req request) error {
	if h.cfg.Tokens == nil {
		return apierrors.NewServiceUnavailable("service account tokens are not configured")
	}
	tr, err := decodeTokenRequest(r)
	if err != nil {
		return err
	}
	obj, err := h.cfg.Store.Get(r.Context(), req.res, req.namespace, req.name)
	if err != nil {
		return err
	}
	if tr.Spec.ExpirationSeconds == nil {
		tr.Spec.ExpirationSeconds = ptrTo(int64(3600))
	}
	if *tr.Spec.ExpirationSeconds < 600 {
		return apierrors.NewInvalid(tokenRequestGVK.GroupKind(), req.name, field.ErrorList{field.Invalid(field.NewPath("spec", "expirationSeconds"), *tr.Spec.ExpirationSeconds, "may not specify a duration less than 10 minutes")})
	}
	if len(tr.Spec.Audiences) == 0 {
		tr.Spec.Audiences = []string{serviceaccount.Issuer}
	}
	tok, exp, err := h.cfg.Tokens.Issue(obj.(*corev1.ServiceAccount), tr.Spec.Audiences, time.Duration(*tr.Spec.ExpirationSeconds)*time.Second)
	if err != nil {
		return err
	}
	tr.Status = authenticationv1.TokenRequestStatus{Token: tok, ExpirationTimestamp: metav1.NewTime(exp)}
	tr.Name, tr.Namespace, tr.CreationTimestamp = req.name, req.namespace, metav1.NewTime(h.cfg.Clock())
	tr.APIVersion, tr.Kind = "authentication.k8s.io/v1", "TokenRequest"
	writeObject(w, r, http.StatusCreated, tr)
	return nil
}

func decodeTokenRequest(r *http.Request) (*authenticationv1.TokenRequest, error) {
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	tr := &authenticationv1.TokenRequest{}
	if len(body) == 0 {
		return tr, nil
	}
	if isProtobuf(r) {
		_, _, err = protobufCodec.Decode(body, &tokenRequestGVK, tr)
	} else {
		err = json.Unmarshal(body, tr)
	}
	if err != nil {
		return nil, apierrors.NewBadRequest("invalid TokenRequest: " + err.Error())
	}
	return tr, nil
}

func ptrTo[T any](v T) *T { return &v }
