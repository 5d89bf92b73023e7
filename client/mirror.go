package client

import (
	"context"
	"sync"

	"go.uber.org/zap"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// handlerFunc is what an Informer is told of each change.
type handlerFunc func(t watch.EventType, obj, old runtime.Object)

// mirror is one decoded copy of a resource (in one namespace, or all),
// kept current from the bus and shared by every Informer that views it.
type mirror struct {
	res resources.Resource
	inf *bus.Informer
	log *zap.Logger

	mu      sync.RWMutex
	objects map[string]runtime.Object // by bucket key

	// dispatch serialises changes with subscriptions, so that a handler
	// added late sees the current objects once and then every later change.
	dispatch sync.Mutex
	handlers map[*Informer]handlerFunc
}

func newMirror(source bus.Watcher, res resources.Resource, ns string, log *zap.Logger) (*mirror, error) {
	m := &mirror{res: res, log: log, objects: map[string]runtime.Object{}, handlers: map[*Informer]handlerFunc{}}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: source, Prefix: res.Prefix(ns), Handler: m.handle, KeysOnly: true})
	if err != nil {
		return nil, err
	}
	m.inf = inf
	return m, nil
}

func (m *mirror) run(ctx context.Context) { _ = m.inf.Run(ctx) }

// subscribe adds h, replaying the objects already held as ADDED; it
// gives up, adding nothing, if ctx ends during the replay (which holds up
// the mirror's other subscribers meanwhile).
func (m *mirror) subscribe(ctx context.Context, view *Informer, h handlerFunc) bool {
	m.dispatch.Lock()
	defer m.dispatch.Unlock()
	if h != nil {
		m.mu.RLock()
		objs := make([]runtime.Object, 0, len(m.objects))
		for _, o := range m.objects {
			objs = append(objs, o)
		}
		m.mu.RUnlock()
		for n, o := range objs {
			if n%1024 == 0 && ctx.Err() != nil {
				return false
			}
			h(watch.Added, o, nil)
		}
	}
	m.handlers[view] = h
	return true
}

func (m *mirror) unsubscribe(view *Informer) {
	m.dispatch.Lock()
	defer m.dispatch.Unlock()
	delete(m.handlers, view)
}

// handle decodes each change once, for every subscriber.
func (m *mirror) handle(ev bus.Event, _ *bus.Entry) {
	if ev.Type != bus.EventChange {
		return
	}
	m.dispatch.Lock()
	defer m.dispatch.Unlock()
	key := ev.Entry.Key
	m.mu.Lock()
	old := m.objects[key]
	var obj runtime.Object
	if ev.Entry.Op == bus.OpPut {
		o, err := m.res.DecodeStored(ev.Entry.Value, ev.Entry.Revision)
		if err == nil {
			obj = o
			m.objects[key] = o
		} else {
			// Kept as it was: a value this build cannot read (written by a
			// newer apiserver?) must at least be seen in the logs.
			m.log.Error("informer cannot decode a stored object", zap.String("key", key), zap.Uint64("revision", ev.Entry.Revision), zap.Error(err))
		}
	} else {
		delete(m.objects, key)
	}
	m.mu.Unlock()
	for _, h := range m.handlers {
		notify(h, obj, old, ev.Entry.Op)
	}
}

func notify(h handlerFunc, obj, old runtime.Object, op bus.Op) {
	switch {
	case h == nil:
	case op == bus.OpDelete && old != nil:
		h(watch.Deleted, old, nil)
	case obj == nil:
	case old == nil:
		h(watch.Added, obj, nil)
	default:
		h(watch.Modified, obj, old)
	}
}
