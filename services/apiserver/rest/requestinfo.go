package rest

import (
	"net/http"
	"strings"

	"github.com/kubus-dev/kubus/resources"
)

// request is what a resource path and method ask for.
type request struct {
	verb      string // get, list, watch, create, update, patch, delete, deletecollection
	res       resources.Resource
	namespace string
	name      string
	sub       string
}

// parseRequest reads /api/v1/... and /apis/<group>/<version>/... paths.
func parseRequest(r *http.Request) (request, error) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	var group, version string
	switch {
	case len(parts) >= 3 && parts[0] == "api":
		version, parts = parts[1], parts[2:]
	case len(parts) >= 4 && parts[0] == "apis":
		group, version, parts = parts[1], parts[2], parts[3:]
	default:
		return request{}, notFoundRoute()
	}
	var req request
	// /namespaces/<ns>/<resource>... but not /namespaces/<name>[/status]
	if len(parts) >= 3 && parts[0] == "namespaces" && !(len(parts) == 3 && namespaceSubresource(parts[2])) {
		req.namespace, parts = parts[1], parts[2:]
	}
	res, ok := resources.Lookup(group, version, parts[0])
	if !ok || len(parts) > 3 {
		return request{}, notFoundPath(r)
	}
	req.res = res
	if len(parts) >= 2 {
		req.name = parts[1]
	}
	if len(parts) == 3 {
		req.sub = parts[2]
		if !res.HasSubresource(req.sub) {
			return request{}, notFoundPath(r)
		}
	}
	if res.Name == "namespaces" && req.namespace != "" {
		return request{}, notFoundPath(r)
	}
	req.verb = verbOf(r, req)
	return req, nil
}

func verbOf(r *http.Request, req request) string {
	q := r.URL.Query()
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		switch {
		case req.name == "" && (q.Get("watch") == "true" || q.Get("watch") == "1"):
			return "watch"
		case req.name == "":
			return "list"
		}
		return "get"
	case http.MethodPost:
		return "create"
	case http.MethodPut:
		return "update"
	case http.MethodPatch:
		return "patch"
	case http.MethodDelete:
		if req.name == "" {
			return "deletecollection"
		}
		return "delete"
	}
	return ""
}

func notFoundPath(*http.Request) error { return notFoundRoute() }

// namespaceSubresource reports whether /namespaces/<name>/<sub> is a
// subresource of the namespace rather than a resource inside it.
func namespaceSubresource(sub string) bool { return sub == "status" || sub == "finalize" }
