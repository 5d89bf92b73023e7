package client

import (
	"context"
	"sync"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// InformerConfig says which objects an Informer mirrors.
type InformerConfig struct {
	// Source is the bucket, read directly: services read from the bus and
	// write through the apiserver.
	Source    bus.Watcher
	Resource  resources.Resource
	Namespace string
	// Handler is called once per change, in order, after the mirror holds
	// it: ADDED and MODIFIED carry the new object, DELETED the last one;
	// old is nil unless MODIFIED. Objects are shared: do not modify them.
	Handler func(t watch.EventType, obj, old runtime.Object)
}

// Informer is a typed, in-memory mirror of one resource, kept current
// from the bus and resumed from its last revision after a disconnect.
// Each object is decoded once per change, so reads cost no decoding.
type Informer struct {
	cfg InformerConfig
	inf *bus.Informer

	mu      sync.RWMutex
	objects map[string]runtime.Object // by bucket key
}

// NewInformer validates cfg and returns an Informer ready to Run.
func NewInformer(cfg InformerConfig) (*Informer, error) {
	i := &Informer{cfg: cfg, objects: map[string]runtime.Object{}}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: cfg.Source, Prefix: cfg.Resource.Prefix(cfg.Namespace), Handler: i.handle, KeysOnly: true})
	if err != nil {
		return nil, err
	}
	i.inf = inf
	return i, nil
}

// Run mirrors until ctx ends.
func (i *Informer) Run(ctx context.Context) error { return i.inf.Run(ctx) }

// WaitSynced waits for the first complete snapshot.
func (i *Informer) WaitSynced(ctx context.Context) error { return i.inf.WaitSynced(ctx) }

// Synced reports whether the first snapshot is in.
func (i *Informer) Synced() bool {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return i.inf.WaitSynced(ctx) == nil
}

// Revision is the bucket revision the mirror is current to.
func (i *Informer) Revision() uint64 { return i.inf.Revision() }

// WaitForRevision waits until the mirror holds every change up to rev.
func (i *Informer) WaitForRevision(ctx context.Context, rev uint64) error {
	return i.inf.WaitForRevision(ctx, rev)
}

// Get returns one object from the mirror (shared: do not modify).
func (i *Informer) Get(ns, name string) (runtime.Object, bool) {
	i.mu.RLock()
	defer i.mu.RUnlock()
	obj, ok := i.objects[i.cfg.Resource.Key(ns, name)]
	return obj, ok
}

// List returns the mirrored objects in namespace ns ("" for all) whose
// labels match sel (nil for all). Objects are shared: do not modify.
func (i *Informer) List(ns string, sel labels.Selector) []runtime.Object {
	i.mu.RLock()
	defer i.mu.RUnlock()
	out := make([]runtime.Object, 0, len(i.objects))
	for _, obj := range i.objects {
		m, _ := meta.Accessor(obj)
		if (ns == "" || m.GetNamespace() == ns) && (sel == nil || sel.Matches(labels.Set(m.GetLabels()))) {
			out = append(out, obj)
		}
	}
	return out
}

func (i *Informer) handle(ev bus.Event, prev *bus.Entry) {
	if ev.Type != bus.EventChange {
		return
	}
	key := ev.Entry.Key
	i.mu.Lock()
	old := i.objects[key]
	var obj runtime.Object
	if ev.Entry.Op == bus.OpPut {
		if o, err := i.cfg.Resource.DecodeStored(ev.Entry.Value, ev.Entry.Revision); err == nil {
			obj = o
			i.objects[key] = o
		}
	} else {
		delete(i.objects, key)
	}
	i.mu.Unlock()
	i.notify(obj, old, ev.Entry.Op)
}

func (i *Informer) notify(obj, old runtime.Object, op bus.Op) {
	switch {
	case i.cfg.Handler == nil:
	case op == bus.OpDelete && old != nil:
		i.cfg.Handler(watch.Deleted, old, nil)
	case obj == nil:
	case old == nil:
		i.cfg.Handler(watch.Added, obj, nil)
	default:
		i.cfg.Handler(watch.Modified, obj, old)
	}
}
