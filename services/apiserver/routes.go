package apiserver

import (
	"encoding/json"
	"net/http"
	"net/http/pprof"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/kubus-dev/kubus/services/apiserver/discovery"
	"github.com/kubus-dev/kubus/services/apiserver/openapi"
	"github.com/kubus-dev/kubus/services/apiserver/rest"
)

// routes serves everything the apiserver answers, before authentication.
func routes(api *rest.Handler, reg *prometheus.Registry, ready func(*http.Request) error) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/version", serveVersion)
	mux.HandleFunc("/livez", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })
	mux.HandleFunc("/healthz", health(ready))
	mux.HandleFunc("/readyz", health(ready))
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.Handle("/openapi/v3", openapi.Handler{})
	mux.Handle("/openapi/v3/", openapi.Handler{})
	resourcesHandler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (discovery.Handler{}).Serve(w, r) {
			return
		}
		api.ServeHTTP(w, r)
	})
	for _, p := range []string{"/api", "/api/", "/apis", "/apis/"} {
		mux.Handle(p, resourcesHandler)
	}
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/", notFound)
	return mux
}

func health(ready func(*http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := ready(r); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok"))
	}
}

func notFound(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(mustJSON(map[string]any{"kind": "Status", "apiVersion": "v1", "metadata": map[string]any{}, "status": "Failure",
		"message": "the server could not find the requested resource", "reason": "NotFound", "details": map[string]any{}, "code": 404}))
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
