package storage

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
	"github.com/kubus-dev/kubus/resources"
)

var configMaps, _ = resources.Lookup("", "v1", "configmaps")

// newStore runs a Store over a fresh bucket on a real in-process JetStream.
func newStore(t *testing.T, cacheSize int) *Store {
	t.Helper()
	return newStoreHistory(t, cacheSize, 0)
}

// newStoreHistory also sets how many revisions per key the bucket keeps.
func newStoreHistory(t *testing.T, cacheSize, history int) *Store {
	t.Helper()
	b := bustest.New(t)
	return runStore(t, Config{KV: b.KVWith(bus.KVConfig{Bucket: "objects", History: history}), WatchCacheSize: cacheSize})
}

// runStore runs a Store with cfg until the test ends.
func runStore(t *testing.T, cfg Config) *Store {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = s.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if err := s.Ready(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s
}

func cm(name, v string) *corev1.ConfigMap {
	return &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"}, Data: map[string]string{"v": v}}
}

func mustCreate(t *testing.T, s *Store, name, v string) runtime.Object {
	t.Helper()
	obj, err := s.Create(t.Context(), configMaps, cm(name, v))
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

func setValue(v string) UpdateFunc {
	return func(cur runtime.Object) (runtime.Object, error) {
		cur.(*corev1.ConfigMap).Data["v"] = v
		return cur, nil
	}
}

func TestCreateGetConflicts(t *testing.T) {
	s := newStore(t, 0)
	created := mustCreate(t, s, "a.b.c", "1")
	if _, err := s.Create(t.Context(), configMaps, cm("a.b.c", "2")); !apierrors.IsAlreadyExists(err) {
		t.Fatalf("second create: %v, want AlreadyExists", err)
	}
	stale := created.(*corev1.ConfigMap).ResourceVersion
	if _, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "a.b.c", setValue("2")); err != nil {
		t.Fatal(err)
	}
	_, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "a.b.c", func(cur runtime.Object) (runtime.Object, error) {
		cur.(*corev1.ConfigMap).ResourceVersion = stale
		return cur, nil
	})
	if !apierrors.IsConflict(err) {
		t.Fatalf("update with stale resourceVersion: %v, want Conflict", err)
	}
	got, err := s.Get(t.Context(), configMaps, "default", "a.b.c")
	if err != nil || got.(*corev1.ConfigMap).Data["v"] != "2" {
		t.Fatalf("get = %v, %v", got, err)
	}
	if _, err := s.Get(t.Context(), configMaps, "default", "nope"); !apierrors.IsNotFound(err) {
		t.Fatalf("get missing: %v", err)
	}
}

// TestConcurrentWritersLoseNothing increments one counter from many
// goroutines: compare-and-set with retries must count every increment.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	s := newStore(t, 0)
	mustCreate(t, s, "counter", "0")
	const writers, each = 8, 20
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				_, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "counter", func(cur runtime.Object) (runtime.Object, error) {
					c := cur.(*corev1.ConfigMap)
					n, _ := strconv.Atoi(c.Data["v"])
					c.Data["v"] = strconv.Itoa(n + 1)
					return c, nil
				})
				if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	got, _ := s.Get(t.Context(), configMaps, "default", "counter")
	if v := got.(*corev1.ConfigMap).Data["v"]; v != strconv.Itoa(writers*each) {
		t.Fatalf("counter = %s, want %d", v, writers*each)
	}
}

// TestListIsConsistentAndFresh checks a list right after writes holds them
// all, at a revision no older than the last write.
func TestListIsConsistentAndFresh(t *testing.T) {
	s := newStore(t, 0)
	var last uint64
	for i := range 20 {
		obj := mustCreate(t, s, fmt.Sprintf("cm-%02d", i), "x")
		last, _ = ParseRV(obj.(*corev1.ConfigMap).ResourceVersion)
	}
	res, err := s.List(t.Context(), configMaps, ListOptions{Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 20 || res.Revision < last {
		t.Fatalf("list has %d items at revision %d, want 20 at >= %d", len(res.Items), res.Revision, last)
	}
	page, err := s.List(t.Context(), configMaps, ListOptions{Namespace: "default", Limit: 15})
	if err != nil || len(page.Items) != 15 || page.Continue == "" {
		t.Fatalf("first page: %d items, continue %q, %v", len(page.Items), page.Continue, err)
	}
	rest, err := s.List(t.Context(), configMaps, ListOptions{Namespace: "default", Continue: page.Continue})
	if err != nil || len(rest.Items) != 5 {
		t.Fatalf("second page: %d items, %v", len(rest.Items), err)
	}
}

// TestWatchResumesFromRevision checks every change after a revision comes
// once, in order, with the right types.
func TestWatchResumesFromRevision(t *testing.T) {
	s := newStore(t, 0)
	first := mustCreate(t, s, "w", "1")
	from, _ := ParseRV(first.(*corev1.ConfigMap).ResourceVersion)
	if _, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "w", setValue("2")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(t.Context(), configMaps, "default", "w", nil); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, "w", "3")
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	events, err := s.Watch(ctx, configMaps, WatchOptions{Namespace: "default", From: from})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"MODIFIED 2", "DELETED 2", "ADDED 3"}
	for i, w := range want {
		ev := <-events
		if got := describe(ev); got != w {
			t.Fatalf("event %d = %q, want %q", i, got, w)
		}
	}
}

func describe(ev watch.Event) string {
	if c, ok := ev.Object.(*corev1.ConfigMap); ok {
		return string(ev.Type) + " " + c.Data["v"]
	}
	return string(ev.Type)
}

// TestWatchOlderThanCacheReadsHistory checks a watch from a revision the
// watch cache dropped is served from the bucket's history, exactly once
// and in order, with creations as ADDED and deletes carrying the object.
func TestWatchOlderThanCacheReadsHistory(t *testing.T) {
	s := newStore(t, 2)
	first := mustCreate(t, s, "x", "0")
	from, _ := ParseRV(first.(*corev1.ConfigMap).ResourceVersion)
	for i := range 4 {
		if _, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "x", setValue(strconv.Itoa(i+1))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Delete(t.Context(), configMaps, "default", "x", nil); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, "x", "again")
	waitRevision(t, s, from+6)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	events, err := s.Watch(ctx, configMaps, WatchOptions{Namespace: "default", From: from})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"MODIFIED 1", "MODIFIED 2", "MODIFIED 3", "MODIFIED 4", "DELETED 4", "ADDED again"} {
		if got := describe(<-events); got != want {
			t.Fatalf("event %d = %q, want %q", i, got, want)
		}
	}
}

// TestWatchFromTrimmedRevisionExpires checks a watch from a revision that
// neither the watch cache nor the bucket keeps ends with 410 Expired.
func TestWatchFromTrimmedRevisionExpires(t *testing.T) {
	s := newStoreHistory(t, 2, 1)
	first := mustCreate(t, s, "x", "0")
	from, _ := ParseRV(first.(*corev1.ConfigMap).ResourceVersion)
	for i := range 5 {
		if _, err := s.GuaranteedUpdate(t.Context(), configMaps, "default", "x", setValue(strconv.Itoa(i+1))); err != nil {
			t.Fatal(err)
		}
	}
	waitRevision(t, s, from+5)
	events, err := s.Watch(t.Context(), configMaps, WatchOptions{Namespace: "default", From: from})
	if err != nil {
		t.Fatal(err)
	}
	ev := <-events
	st, ok := ev.Object.(*metav1.Status)
	if ev.Type != watch.Error || !ok || st.Code != 410 || st.Reason != metav1.StatusReasonExpired {
		t.Fatalf("first event %v %+v, want ERROR 410 Expired", ev.Type, ev.Object)
	}
}

func waitRevision(t *testing.T, s *Store, rev uint64) {
	t.Helper()
	if err := s.cache.WaitForRevision(t.Context(), rev); err != nil {
		t.Fatal(err)
	}
}
