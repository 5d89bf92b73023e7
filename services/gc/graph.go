package gc

import (
	"strings"
	"sync"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/resources"
)

// graph indexes ownership the other way round from ownerReferences: for
// each owner uid, its dependents, and whether each one blocks the owner's
// foreground deletion. Only objects with owners take room in it; objects
// themselves stay in the informers.
type graph struct {
	mu   sync.RWMutex
	deps map[types.UID]map[controller.Request]bool
}

func newGraph() *graph { return &graph{deps: map[types.UID]map[controller.Request]bool{}} }

// link records that dependent refers to the owners in refs.
func (g *graph) link(dependent controller.Request, refs []metav1.OwnerReference) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, r := range refs {
		if g.deps[r.UID] == nil {
			g.deps[r.UID] = map[controller.Request]bool{}
		}
		g.deps[r.UID][dependent] = r.BlockOwnerDeletion != nil && *r.BlockOwnerDeletion
	}
}

// unlink forgets dependent's references in refs.
func (g *graph) unlink(dependent controller.Request, refs []metav1.OwnerReference) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, r := range refs {
		delete(g.deps[r.UID], dependent)
		if len(g.deps[r.UID]) == 0 {
			delete(g.deps, r.UID)
		}
	}
}

// dependents returns a copy of owner's dependents, each with whether it
// blocks the owner's deletion.
func (g *graph) dependents(owner types.UID) map[controller.Request]bool {
	g.mu.RLock()
	defer g.mu.RUnlock()
	out := make(map[controller.Request]bool, len(g.deps[owner]))
	for k, v := range g.deps[owner] {
		out[k] = v
	}
	return out
}

// hasDependents reports whether anything refers to owner.
func (g *graph) hasDependents(owner types.UID) bool {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.deps[owner]) > 0
}

// keyOf names an object of any resource in one controller.Request: the
// resource goes in front of the name ("replicasets.apps/web"), since names
// never hold a slash.
func keyOf(res resources.Resource, ns, name string) controller.Request {
	if !res.Namespaced {
		ns = ""
	}
	return controller.Request{Namespace: ns, Name: res.GroupResource().String() + "/" + name}
}

// splitKey is keyOf reversed: the group-resource and the name.
func splitKey(req controller.Request) (string, string) {
	gr, name, _ := strings.Cut(req.Name, "/")
	return gr, name
}
