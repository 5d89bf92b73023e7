// Package resources is the catalog of API resources kubus serves and where
// each one lives in the bucket. The apiserver and every client share it, so
// both agree on names, kinds and keys.
package resources

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Resource describes one served resource.
type Resource struct {
	Group, Version, Name string // Name is the plural, e.g. "pods"
	Kind, Singular       string
	Namespaced           bool
	ShortNames           []string
	Categories           []string
	// Subresources served below an object, e.g. "status", "scale".
	Subresources []string
	// Generation says whether metadata.generation tracks spec changes.
	Generation bool
}

// GVR is the resource's group-version-resource.
func (r Resource) GVR() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: r.Group, Version: r.Version, Resource: r.Name}
}

// GVK is the kind served at the resource.
func (r Resource) GVK() schema.GroupVersionKind {
	return schema.GroupVersionKind{Group: r.Group, Version: r.Version, Kind: r.Kind}
}

// GroupResource is the resource without version, as errors name it.
func (r Resource) GroupResource() schema.GroupResource {
	return schema.GroupResource{Group: r.Group, Resource: r.Name}
}

// HasSubresource reports whether sub is served for this resource.
func (r Resource) HasSubresource(sub string) bool {
	for _, s := range r.Subresources {
		if s == sub {
			return true
		}
	}
	return false
}

// Lookup finds a resource by group, version and plural name.
func Lookup(group, version, name string) (Resource, bool) {
	for _, r := range catalog {
		if r.Group == group && r.Version == version && r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// ByKind finds the resource serving a group-version-kind.
func ByKind(gvk schema.GroupVersionKind) (Resource, bool) {
	for _, r := range catalog {
		if r.GVK() == gvk {
			return r, true
		}
	}
	return Resource{}, false
}

// All lists every served resource in a stable order.
func All() []Resource {
	return append([]Resource(nil), catalog...)
}

// GroupVersions lists the served group-versions, core ("") first.
func GroupVersions() []schema.GroupVersion {
	var out []schema.GroupVersion
	seen := map[schema.GroupVersion]bool{}
	for _, r := range catalog {
		gv := schema.GroupVersion{Group: r.Group, Version: r.Version}
		if !seen[gv] {
			seen[gv] = true
			out = append(out, gv)
		}
	}
	return out
}
