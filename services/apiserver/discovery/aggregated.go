package discovery

import (
	apidiscoveryv2 "k8s.io/api/apidiscovery/v2"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/resources"
)

// AggregatedContentType must be the response type exactly: kubectl parses
// the same body sent as plain JSON as legacy discovery and then fails.
const AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

// aggregated lists the core group (legacy=true, for /api) or all others.
func aggregated(legacy bool) *apidiscoveryv2.APIGroupDiscoveryList {
	l := &apidiscoveryv2.APIGroupDiscoveryList{Items: []apidiscoveryv2.APIGroupDiscovery{}}
	l.Kind, l.APIVersion = "APIGroupDiscoveryList", "apidiscovery.k8s.io/v2"
	for _, gv := range resources.GroupVersions() {
		if (gv.Group == "") != legacy {
			continue
		}
		g := apidiscoveryv2.APIGroupDiscovery{ObjectMeta: metav1.ObjectMeta{Name: gv.Group}}
		g.Versions = []apidiscoveryv2.APIVersionDiscovery{{Version: gv.Version, Resources: versionResources(gv.Group, gv.Version), Freshness: apidiscoveryv2.DiscoveryFreshnessCurrent}}
		l.Items = append(l.Items, g)
	}
	return l
}

func versionResources(group, version string) []apidiscoveryv2.APIResourceDiscovery {
	var out []apidiscoveryv2.APIResourceDiscovery
	for _, r := range resources.All() {
		if r.Group != group || r.Version != version {
			continue
		}
		scope := apidiscoveryv2.ScopeCluster
		if r.Namespaced {
			scope = apidiscoveryv2.ScopeNamespace
		}
		d := apidiscoveryv2.APIResourceDiscovery{
			Resource: r.Name, SingularResource: r.Singular, Scope: scope, Verbs: objectVerbs,
			ResponseKind: &metav1.GroupVersionKind{Group: r.Group, Version: r.Version, Kind: r.Kind},
			ShortNames:   r.ShortNames, Categories: r.Categories,
		}
		for _, s := range r.Subresources {
			sr := subresource(r, s)
			d.Subresources = append(d.Subresources, apidiscoveryv2.APISubresourceDiscovery{
				Subresource: s, Verbs: sr.Verbs,
				ResponseKind: &metav1.GroupVersionKind{Group: sr.Group, Version: sr.Version, Kind: sr.Kind},
			})
		}
		out = append(out, d)
	}
	return out
}
