// Package discovery serves /api and /apis: legacy discovery documents and
// the aggregated apidiscovery.k8s.io/v2 form kubectl prefers.
package discovery

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubus-dev/kubus/resources"
)

var objectVerbs = metav1.Verbs{"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"}

// subVerbs are the verbs of each subresource, as kube-apiserver lists them.
var subVerbs = map[string]metav1.Verbs{
	"status":   {"get", "patch", "update"},
	"scale":    {"get", "patch", "update"},
	"binding":  {"create"},
	"eviction": {"create"},
	"log":      {"get"},
	"finalize": {"update"},
	"token":    {"create"},
}

// subKind is the kind a subresource takes and returns when not its parent's.
var subKind = map[string]schema.GroupVersionKind{
	"scale":    {Group: "autoscaling", Version: "v1", Kind: "Scale"},
	"binding":  {Version: "v1", Kind: "Binding"},
	"eviction": {Group: "policy", Version: "v1", Kind: "Eviction"},
	"token":    {Group: "authentication.k8s.io", Version: "v1", Kind: "TokenRequest"},
}

// resourceList is the legacy APIResourceList of one group-version.
func resourceList(gv schema.GroupVersion) *metav1.APIResourceList {
	l := &metav1.APIResourceList{GroupVersion: gv.String(), APIResources: []metav1.APIResource{}}
	l.Kind, l.APIVersion = "APIResourceList", "v1"
	for _, r := range resources.All() {
		if r.Group != gv.Group || r.Version != gv.Version {
			continue
		}
		l.APIResources = append(l.APIResources, metav1.APIResource{
			Name: r.Name, SingularName: r.Singular, Namespaced: r.Namespaced, Kind: r.Kind,
			Verbs: objectVerbs, ShortNames: r.ShortNames, Categories: r.Categories,
		})
		for _, s := range r.Subresources {
			l.APIResources = append(l.APIResources, subresource(r, s))
		}
	}
	return l
}

func subresource(r resources.Resource, s string) metav1.APIResource {
	a := metav1.APIResource{Name: r.Name + "/" + s, Namespaced: r.Namespaced, Kind: r.Kind, Verbs: subVerbs[s]}
	if k, ok := subKind[s]; ok {
		a.Group, a.Version, a.Kind = k.Group, k.Version, k.Kind
	}
	return a
}
