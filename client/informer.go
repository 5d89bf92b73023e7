package client

import (
	"context"
	"sync/atomic"

	"go.uber.org/zap"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// InformerConfig says which objects an Informer mirrors.
type InformerConfig struct {
	// Cache shares decoded objects with the process's other Informers of
	// the same resource and namespace. Either Cache or Source is needed.
	Cache *Cache
	// Source is the bucket, read directly when no Cache is given: services
	// read from the bus and write through the apiserver.
	Source    bus.Watcher
	Resource  resources.Resource
	Namespace string
	// Handler is called once per change, in order, after the mirror holds
	// it: ADDED and MODIFIED carry the new object, DELETED the last one;
	// old is nil unless MODIFIED. Objects are shared: do not modify them.
	// When the shared mirror already holds objects, Run first passes each
	// as ADDED.
	Handler func(t watch.EventType, obj, old runtime.Object)
}

// Informer is a typed, in-memory view of one resource, kept current from
// the bus and resumed from its last revision after a disconnect. Each
// object is decoded once per change (once per process with a shared
// Cache), so reads cost no decoding.
type Informer struct {
	cfg     InformerConfig
	mirror  atomic.Pointer[mirror]
	started chan struct{} // closed once Run has subscribed
}

// NewInformer validates cfg and returns an Informer ready to Run.
func NewInformer(cfg InformerConfig) (*Informer, error) {
	if cfg.Cache == nil {
		c, err := NewCache(cfg.Source)
		if err != nil {
			return nil, err
		}
		cfg.Cache = c
	}
	if _, err := newMirror(cfg.Cache.source, cfg.Resource, cfg.Namespace, zap.NewNop()); err != nil {
		return nil, err // the prefix is checked now, not when Run starts
	}
	return &Informer{cfg: cfg, started: make(chan struct{})}, nil
}

// Run views the shared mirror until ctx ends; call it once.
func (i *Informer) Run(ctx context.Context) error {
	m, release, err := i.cfg.Cache.acquire(ctx, i.cfg.Resource, i.cfg.Namespace)
	if err != nil {
		return err
	}
	defer release()
	i.mirror.Store(m) // before the replay: handlers may read through Get
	if !m.subscribe(ctx, i, i.cfg.Handler) {
		return nil // ended during the replay
	}
	defer m.unsubscribe(i)
	close(i.started)
	<-ctx.Done()
	return nil
}

// view waits until Run has subscribed.
func (i *Informer) view(ctx context.Context) (*mirror, error) {
	select {
	case <-i.started: // first, so an ended ctx (Synced) does not win a tie
		return i.mirror.Load(), nil
	default:
	}
	select {
	case <-i.started:
		return i.mirror.Load(), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// WaitSynced waits for the first complete snapshot.
func (i *Informer) WaitSynced(ctx context.Context) error {
	m, err := i.view(ctx)
	if err != nil {
		return err
	}
	return m.inf.WaitSynced(ctx)
}

// Synced reports whether the first snapshot is in.
func (i *Informer) Synced() bool {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return i.WaitSynced(ctx) == nil
}

// Revision is the bucket revision the mirror is current to.
func (i *Informer) Revision() uint64 {
	if m := i.mirror.Load(); m != nil {
		return m.inf.Revision()
	}
	return 0
}

// WaitForRevision waits until the mirror holds every change up to rev.
func (i *Informer) WaitForRevision(ctx context.Context, rev uint64) error {
	m, err := i.view(ctx)
	if err != nil {
		return err
	}
	return m.inf.WaitForRevision(ctx, rev)
}

// Get returns one object from the mirror (shared: do not modify).
func (i *Informer) Get(ns, name string) (runtime.Object, bool) {
	m := i.mirror.Load()
	if m == nil {
		return nil, false
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	obj, ok := m.objects[i.cfg.Resource.Key(ns, name)]
	return obj, ok
}

// List returns the mirrored objects in namespace ns ("" for all) whose
// labels match sel (nil for all). Objects are shared: do not modify.
func (i *Informer) List(ns string, sel labels.Selector) []runtime.Object {
	m := i.mirror.Load()
	if m == nil {
		return nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]runtime.Object, 0, len(m.objects))
	for _, obj := range m.objects {
		a, _ := meta.Accessor(obj)
		if (ns == "" || a.GetNamespace() == ns) && (sel == nil || sel.Matches(labels.Set(a.GetLabels()))) {
			out = append(out, obj)
		}
	}
	return out
}
