package client

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// InformerConfig says which objects an Informer mirrors.
type InformerConfig struct {
	// Source is the bucket, read directly: services read from the bus and
	// write through the apiserver.
	Source    bus.Watcher
	Resource  resources.Resource
	Namespace string
	// Handler is called once per change, in order: ADDED and MODIFIED
	// carry the new object, DELETED the last one; old is nil unless
	// MODIFIED.
	Handler func(t watch.EventType, obj, old runtime.Object)
}

// Informer is a typed, in-memory mirror of one resource, kept current
// from the bus and resumed from its last revision after a disconnect.
type Informer struct {
	cfg InformerConfig
	inf *bus.Informer
}

// NewInformer validates cfg and returns an Informer ready to Run.
func NewInformer(cfg InformerConfig) (*Informer, error) {
	i := &Informer{cfg: cfg}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: cfg.Source, Prefix: cfg.Resource.Prefix(cfg.Namespace), Handler: i.handle})
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

// Get returns one object from the mirror.
func (i *Informer) Get(ns, name string) (runtime.Object, bool) {
	e, ok := i.inf.Get(i.cfg.Resource.Key(ns, name))
	if !ok {
		return nil, false
	}
	obj, err := storage.Decode(i.cfg.Resource, e.Value, e.Revision)
	return obj, err == nil
}

// List returns every mirrored object.
func (i *Informer) List() []runtime.Object {
	entries, _ := i.inf.List(i.cfg.Resource.Prefix(i.cfg.Namespace))
	out := make([]runtime.Object, 0, len(entries))
	for _, e := range entries {
		if obj, err := storage.Decode(i.cfg.Resource, e.Value, e.Revision); err == nil {
			out = append(out, obj)
		}
	}
	return out
}

func (i *Informer) handle(ev bus.Event, prev *bus.Entry) {
	if i.cfg.Handler == nil || ev.Type != bus.EventChange {
		return
	}
	var old runtime.Object
	if prev != nil {
		old, _ = storage.Decode(i.cfg.Resource, prev.Value, ev.Entry.Revision)
	}
	if ev.Entry.Op == bus.OpDelete {
		if old != nil {
			i.cfg.Handler(watch.Deleted, old, nil)
		}
		return
	}
	obj, err := storage.Decode(i.cfg.Resource, ev.Entry.Value, ev.Entry.Revision)
	if err != nil {
		return
	}
	if old == nil {
		i.cfg.Handler(watch.Added, obj, nil)
		return
	}
	i.cfg.Handler(watch.Modified, obj, old)
}
