package storage

import (
	"context"
	"fmt"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/resources"
)

// WatchOptions narrows a watch.
type WatchOptions struct {
	Namespace string
	// From is the resourceVersion to resume after.
	From uint64
	// Initial sends every current object as ADDED first (a watch without a
	// resourceVersion, or sendInitialEvents=true); From is then ignored.
	Initial bool
	// InitialEnd sends the bookmark that ends the initial events.
	InitialEnd bool
	Filter     func(runtime.Object) bool
	// Bookmark, if set, is how often to send progress bookmarks.
	Bookmark time.Duration
}

// futureWait is how long a watch from a revision the cache has not reached
// waits before it fails like kube-apiserver's "Too large resource version".
const futureWait = 3 * time.Second

// Watch streams changes of a resource until ctx ends. A resourceVersion
// older than the watch cache is served from the bucket's history; older
// than that, the stream ends with a 410 Expired ERROR event.
func (s *Store) Watch(ctx context.Context, r resources.Resource, opts WatchOptions) (<-chan watch.Event, error) {
	if err := s.waitStarted(ctx); err != nil {
		return nil, err
	}
	var initial []runtime.Object
	if opts.Initial {
		res, err := s.List(ctx, r, ListOptions{Namespace: opts.Namespace, Filter: opts.Filter, AnyVersion: true})
		if err != nil {
			return nil, err
		}
		initial, opts.From = res.Items, res.Revision
	} else if err := s.waitFuture(ctx, opts.From); err != nil {
		return nil, err
	}
	w := newWatcher(r.Prefix(opts.Namespace))
	out := make(chan watch.Event, 64)
	if _, ok := s.hub.subscribe(w, opts.From); !ok {
		go s.watchHistory(ctx, r, opts, out)
		return out, nil
	}
	st := &stream{s: s, r: r, w: w, opts: opts, out: out, last: opts.From}
	go st.run(ctx, initial)
	return out, nil
}

func (s *Store) waitStarted(ctx context.Context) error {
	select {
	case <-s.hub.started:
		return nil
	case <-ctx.Done():
		return unavailable(ctx.Err())
	}
}

func (s *Store) waitFuture(ctx context.Context, rev uint64) error {
	if rev <= s.cache.Revision() {
		return nil
	}
	wctx, cancel := context.WithTimeout(ctx, futureWait)
	defer cancel()
	if s.cache.WaitForRevision(wctx, rev) != nil {
		return apierrors.NewTimeoutError(fmt.Sprintf("Too large resource version: %d, current: %d", rev, s.cache.Revision()), 1)
	}
	return nil
}

func expired(from, since uint64) *metav1.Status {
	st := apierrors.NewResourceExpired(fmt.Sprintf("too old resource version: %d (%d)", from, since)).ErrStatus
	return &st
}

// stream delivers one watch.
type stream struct {
	s    *Store
	r    resources.Resource
	w    *watcher
	opts WatchOptions
	out  chan watch.Event
	last uint64
}

func (st *stream) run(ctx context.Context, initial []runtime.Object) {
	defer close(st.out)
	defer st.s.hub.unsubscribe(st.w)
	for _, obj := range initial {
		if !st.send(ctx, watch.Event{Type: watch.Added, Object: obj}) {
			return
		}
	}
	if st.opts.InitialEnd && !st.bookmark(ctx, st.last, true) {
		return
	}
	var tick <-chan time.Time
	if st.opts.Bookmark > 0 {
		t := time.NewTicker(st.opts.Bookmark)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-st.w.notify:
			if !st.drain(ctx) {
				return
			}
		case <-tick:
			p := st.s.hub.progress()
			if !st.drain(ctx) || !st.bookmark(ctx, max(p, st.last), false) {
				return
			}
		}
	}
}

func (st *stream) drain(ctx context.Context) bool {
	changes, overflow, lost := st.s.hub.take(st.w)
	for _, c := range changes {
		ev, ok, err := toEvent(st.r, c, st.opts.Filter)
		if err != nil {
			continue // a value this version cannot read: skip, as it cannot be served either
		}
		st.last = c.rev
		if ok && !st.send(ctx, ev) {
			return false
		}
	}
	if lost {
		st.send(ctx, watch.Event{Type: watch.Error, Object: expired(st.last, st.last)})
		return false
	}
	return !overflow
}

func (st *stream) send(ctx context.Context, ev watch.Event) bool {
	select {
	case st.out <- ev:
		return true
	case <-ctx.Done():
		return false
	}
}

func (st *stream) bookmark(ctx context.Context, rev uint64, initialEnd bool) bool {
	obj, err := st.r.New()
	if err != nil {
		return false
	}
	m, _ := meta.Accessor(obj)
	m.SetResourceVersion(rvString(rev))
	if initialEnd {
		m.SetAnnotations(map[string]string{"k8s.io/initial-events-end": "true"})
	}
	obj.GetObjectKind().SetGroupVersionKind(st.r.GVK())
	return st.send(ctx, watch.Event{Type: watch.Bookmark, Object: obj})
}
