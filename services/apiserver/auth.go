package apiserver

import (
	"net/http"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/pki"
)

// public paths answer without credentials, as kube-apiserver's
// system:public-info-viewer role allows.
var public = map[string]bool{"/healthz": true, "/livez": true, "/readyz": true, "/version": true, "/metrics": true}

// authenticate lets through requests with a client certificate signed by
// the cluster CA; anything else gets 401.
func authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if public[strings.TrimSuffix(r.URL.Path, "/")] {
			next.ServeHTTP(w, r)
			return
		}
		if _, _, ok := pki.User(r.TLS); !ok {
			st := apierrors.NewUnauthorized("Unauthorized").ErrStatus
			st.Kind, st.APIVersion, st.Status = "Status", "v1", metav1.StatusFailure
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write(mustJSON(st))
			return
		}
		next.ServeHTTP(w, r)
	})
}
