package client

import (
	"context"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
	"github.com/kubus-dev/kubus/resources"
)

var configMaps, _ = resources.Lookup("", "v1", "configmaps")

func putConfigMap(t *testing.T, kv bus.KV, name string) {
	t.Helper()
	data, err := configMaps.EncodeStored(&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"}}, resources.StoredProtobuf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kv.Create(t.Context(), configMaps.Key("default", name), data); err != nil {
		t.Fatal(err)
	}
}

// seen records the names a handler was told of, as "TYPE name".
type seen struct {
	mu  sync.Mutex
	got map[string]bool
}

func (s *seen) handle(t watch.EventType, obj, _ runtime.Object) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got[string(t)+" "+obj.(*corev1.ConfigMap).Name] = true
}

func (s *seen) has(want string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got[want]
}

func startView(t *testing.T, ctx context.Context, c *Cache, s *seen) *Informer {
	t.Helper()
	inf, err := NewInformer(InformerConfig{Cache: c, Resource: configMaps, Handler: s.handle})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = inf.Run(ctx) }()
	t.Cleanup(func() { <-done })
	if err := inf.WaitSynced(ctx); err != nil {
		t.Fatal(err)
	}
	return inf
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestCacheSharesOneDecodedCopy(t *testing.T) {
	kv := bustest.New(t).KV("objects")
	putConfigMap(t, kv, "before")
	c, err := NewCache(kv)
	if err != nil {
		t.Fatal(err)
	}
	first, second := &seen{got: map[string]bool{}}, &seen{got: map[string]bool{}}
	a := startView(t, t.Context(), c, first)
	b := startView(t, t.Context(), c, second) // joins a mirror already synced
	for range 200 {
		if !a.Synced() || !b.Synced() {
			t.Fatal("Synced reported false after WaitSynced returned")
		}
	}
	if !second.has("ADDED before") {
		t.Fatal("an informer joining a running mirror was not told of the objects it holds")
	}
	putConfigMap(t, kv, "after")
	waitFor(t, "both informers to see the new object", func() bool { return first.has("ADDED after") && second.has("ADDED after") })
	x, _ := a.Get("default", "after")
	y, _ := b.Get("default", "after")
	if x == nil || x != y {
		t.Fatalf("informers of one cache hold different copies: %p and %p", x, y)
	}
}

func TestCacheStartsAfreshAfterLastInformerStops(t *testing.T) {
	kv := bustest.New(t).KV("objects")
	c, err := NewCache(kv)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(t.Context())
	startView(t, ctx, c, &seen{got: map[string]bool{}})
	stop()
	waitFor(t, "the mirror to stop with its last informer", func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		return len(c.mirrors) == 0
	})
	putConfigMap(t, kv, "later")
	s := &seen{got: map[string]bool{}}
	inf := startView(t, t.Context(), c, s)
	if _, ok := inf.Get("default", "later"); !ok || !s.has("ADDED later") {
		t.Fatal("a new informer after the mirror stopped does not hold what was written meanwhile")
	}
}
