package resources

import (
	"strings"
)

// The bucket key of an object is <group>.<resource>.<namespace>.<name>.
// Dots in a group become underscores (group names never hold "_"), the core
// group is "core", and cluster-scoped objects use "_" as namespace (no
// namespace name can be "_"). Names keep their dots: a name token sequence
// is always last, so prefixes stay unambiguous.
const clusterScope = "_"

// Prefix is the key prefix of a resource, narrowed to one namespace if ns is
// not empty.
func (r Resource) Prefix(ns string) string {
	p := groupToken(r.Group) + "." + r.Name
	if !r.Namespaced {
		return p + "." + clusterScope
	}
	if ns != "" {
		p += "." + ns
	}
	return p
}

// Key is the bucket key of one object.
func (r Resource) Key(ns, name string) string {
	if !r.Namespaced {
		ns = clusterScope
	}
	return groupToken(r.Group) + "." + r.Name + "." + ns + "." + name
}

// SplitKey returns the namespace and name held in a key of this resource.
func (r Resource) SplitKey(key string) (ns, name string, ok bool) {
	rest, ok := strings.CutPrefix(key, groupToken(r.Group)+"."+r.Name+".")
	if !ok {
		return "", "", false
	}
	ns, name, ok = strings.Cut(rest, ".")
	if ns == clusterScope {
		ns = ""
	}
	return ns, name, ok && name != ""
}

func groupToken(group string) string {
	if group == "" {
		return "core"
	}
	return strings.ReplaceAll(group, ".", "_")
}
