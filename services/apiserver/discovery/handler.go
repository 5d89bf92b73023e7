package discovery

import (
	"encoding/json"
	"net/http"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubus-dev/kubus/resources"
)

// Handler serves /api, /apis, /api/v1 and /apis/<group>/<version>. It
// answers false from Serve for paths that are not discovery documents.
type Handler struct{}

// Serve writes the discovery document for r, if r asks for one.
func (Handler) Serve(w http.ResponseWriter, r *http.Request) bool {
	p := strings.Trim(r.URL.Path, "/")
	aggr := strings.Contains(r.Header.Get("Accept"), "as=APIGroupDiscoveryList")
	switch {
	case p == "api" && aggr, p == "apis" && aggr:
		write(w, AggregatedContentType, aggregated(p == "api"))
	case p == "api":
		write(w, "application/json", apiVersions(r))
	case p == "apis":
		write(w, "application/json", groupList())
	case p == "api/v1":
		write(w, "application/json", resourceList(schema.GroupVersion{Version: "v1"}))
	default:
		parts := strings.Split(p, "/")
		if len(parts) != 3 || parts[0] != "apis" || !served(parts[1], parts[2]) {
			return false
		}
		write(w, "application/json", resourceList(schema.GroupVersion{Group: parts[1], Version: parts[2]}))
	}
	return true
}

func served(group, version string) bool {
	for _, gv := range resources.GroupVersions() {
		if gv.Group == group && gv.Version == version {
			return true
		}
	}
	return false
}

func apiVersions(r *http.Request) *metav1.APIVersions {
	v := &metav1.APIVersions{Versions: []string{"v1"}, ServerAddressByClientCIDRs: []metav1.ServerAddressByClientCIDR{{ClientCIDR: "0.0.0.0/0", ServerAddress: r.Host}}}
	v.Kind = "APIVersions"
	return v
}

func groupList() *metav1.APIGroupList {
	l := &metav1.APIGroupList{Groups: []metav1.APIGroup{}}
	l.Kind, l.APIVersion = "APIGroupList", "v1"
	for _, gv := range resources.GroupVersions() {
		if gv.Group == "" {
			continue
		}
		v := metav1.GroupVersionForDiscovery{GroupVersion: gv.String(), Version: gv.Version}
		l.Groups = append(l.Groups, metav1.APIGroup{Name: gv.Group, Versions: []metav1.GroupVersionForDiscovery{v}, PreferredVersion: v})
	}
	return l
}

func write(w http.ResponseWriter, ct string, v any) {
	w.Header().Set("Content-Type", ct)
	_ = json.NewEncoder(w).Encode(v)
}
