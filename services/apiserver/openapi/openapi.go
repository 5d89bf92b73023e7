// Package openapi serves the minimal OpenAPI v3 documents kubectl needs to
// validate on the server: each kind's patch operation with its
// group-version-kind and an operation-level fieldValidation parameter.
// kubectl then sends fieldValidation=Strict instead of failing validation.
package openapi

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/kubus-dev/kubus/resources"
)

// Handler serves /openapi/v3 and /openapi/v3/<gv path>.
type Handler struct{}

func (Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(strings.Trim(r.URL.Path, "/"), "openapi/v3")
	p = strings.Trim(p, "/")
	if p == "" {
		writeJSON(w, index())
		return
	}
	doc, ok := documents()[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, doc)
}

// gvPath is "api/v1" or "apis/<group>/<version>".
func gvPath(r resources.Resource) string {
	if r.Group == "" {
		return "api/" + r.Version
	}
	return "apis/" + r.Group + "/" + r.Version
}

func index() map[string]any {
	paths := map[string]any{}
	for p, doc := range documents() {
		b, _ := json.Marshal(doc)
		sum := sha256.Sum256(b)
		paths[p] = map[string]string{"serverRelativeURL": "/openapi/v3/" + p + "?hash=" + strings.ToUpper(hex.EncodeToString(sum[:8]))}
	}
	return map[string]any{"paths": paths}
}

func documents() map[string]map[string]any {
	docs := map[string]map[string]any{}
	for _, r := range resources.All() {
		gp := gvPath(r)
		doc, ok := docs[gp]
		if !ok {
			doc = map[string]any{"openapi": "3.0.0", "info": map[string]string{"title": "Kubernetes", "version": "v1.32.0"},
				"paths": map[string]any{}, "components": map[string]any{"schemas": map[string]any{}}}
			docs[gp] = doc
		}
		doc["paths"].(map[string]any)[objectPath(r)] = map[string]any{"patch": patchOp(r)}
	}
	return docs
}

func objectPath(r resources.Resource) string {
	p := "/" + gvPath(r)
	if r.Namespaced {
		p += "/namespaces/{namespace}"
	}
	return p + "/" + r.Name + "/{name}"
}

func patchOp(r resources.Resource) map[string]any {
	return map[string]any{
		"x-kubernetes-group-version-kind": map[string]string{"group": r.Group, "version": r.Version, "kind": r.Kind},
		"x-kubernetes-action":             "patch",
		"responses":                       map[string]any{"200": map[string]string{"description": "OK"}},
		"parameters": []any{map[string]any{"name": "fieldValidation", "in": "query",
			"schema": map[string]any{"type": "string", "uniqueItems": true}}},
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
