package apiserver

import (
	"context"
	"net/http"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/pki"
	"github.com/kubus-dev/kubus/services/apiserver/serviceaccount"
	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// public paths answer without credentials, as kube-apiserver's
// system:public-info-viewer role allows.
var public = map[string]bool{"/healthz": true, "/livez": true, "/readyz": true, "/version": true, "/metrics": true}

var serviceAccounts, _ = resources.Lookup("", "v1", "serviceaccounts")

// authenticator accepts client certificates signed by the cluster CA and
// service account tokens whose account still exists; anything else is 401.
type authenticator struct {
	tokens *serviceaccount.Tokens
	store  *storage.Store
}

func (a *authenticator) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if public[strings.TrimSuffix(r.URL.Path, "/")] || a.authenticated(r) {
			next.ServeHTTP(w, r)
			return
		}
		st := apierrors.NewUnauthorized("Unauthorized").ErrStatus
		st.Kind, st.APIVersion, st.Status = "Status", "v1", metav1.StatusFailure
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write(mustJSON(st))
	})
}

func (a *authenticator) authenticated(r *http.Request) bool {
	if _, _, ok := pki.User(r.TLS); ok {
		return true
	}
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && a.validToken(r.Context(), strings.TrimSpace(tok))
}

// validToken verifies a token and that its account was not deleted (or
// deleted and made again, with a new uid) since it was issued.
func (a *authenticator) validToken(ctx context.Context, tok string) bool {
	id, err := a.tokens.Verify(tok)
	if err != nil {
		return false
	}
	obj, err := a.store.GetCached(ctx, serviceAccounts, id.Namespace, id.Name)
	if err != nil {
		return false
	}
	return string(obj.(*corev1.ServiceAccount).UID) == id.UID
}
