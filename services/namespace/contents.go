package namespace

import (
	"context"
	"sync"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/resources"
)

// tracker mirrors the content of terminating namespaces only: one informer
// per namespaced resource, scoped to the namespace and stopped once it is
// finalized. In normal operation the controller holds no copy of the
// cluster's objects.
type tracker struct {
	ctx     context.Context // the leadership term: mirrors end with it
	source  bus.Watcher
	enqueue func(controller.Request)

	mu   sync.Mutex
	byNS map[string]*contents
}

// contents are the informers of one namespace.
type contents struct {
	infs   []mirror
	cancel context.CancelFunc
}

type mirror struct {
	res resources.Resource
	inf *client.Informer
}

// item is one object left in a namespace.
type item struct {
	res resources.Resource
	obj metav1.Object
}

func newTracker(ctx context.Context, source bus.Watcher, enqueue func(controller.Request)) *tracker {
	return &tracker{ctx: ctx, source: source, enqueue: enqueue, byNS: map[string]*contents{}}
}

// list returns what is left in namespace ns, starting its mirror on first
// use and waiting until the mirror is complete.
func (t *tracker) list(ctx context.Context, ns string) ([]item, error) {
	c, err := t.start(ns)
	if err != nil {
		return nil, err
	}
	var out []item
	for _, m := range c.infs {
		if err := m.inf.WaitSynced(ctx); err != nil {
			return nil, err
		}
		for _, obj := range m.inf.List(ns, nil) {
			o, _ := meta.Accessor(obj)
			out = append(out, item{res: m.res, obj: o})
		}
	}
	return out, nil
}

func (t *tracker) start(ns string) (*contents, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c, ok := t.byNS[ns]; ok {
		return c, nil
	}
	ctx, cancel := context.WithCancel(t.ctx)
	c := &contents{cancel: cancel}
	// Every change in the namespace, above all each deletion, is a reason
	// to look at it again.
	again := func(watch.EventType, runtime.Object, runtime.Object) { t.enqueue(controller.Request{Name: ns}) }
	for _, res := range resources.All() {
		if !res.Namespaced {
			continue
		}
		inf, err := client.NewInformer(client.InformerConfig{Source: t.source, Resource: res, Namespace: ns, Handler: again})
		if err != nil {
			cancel()
			return nil, err
		}
		c.infs = append(c.infs, mirror{res: res, inf: inf})
		go func() { _ = inf.Run(ctx) }()
	}
	t.byNS[ns] = c
	return c, nil
}

// stop ends the mirror of ns, if there is one.
func (t *tracker) stop(ns string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c, ok := t.byNS[ns]; ok {
		c.cancel()
		delete(t.byNS, ns)
	}
}
