package storage

import (
	"context"
	"errors"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// watchHistory serves a watch from a revision older than the watch cache by
// reading the bucket's own history: every change after From, in order,
// until ctx ends. When that history is trimmed too, the stream ends with
// 410 Expired, as etcd's compaction does.
func (s *Store) watchHistory(ctx context.Context, r resources.Resource, opts WatchOptions, out chan watch.Event) {
	defer close(out)
	changes, err := s.kv.Watch(ctx, "", opts.From)
	if err != nil {
		sendExpired(ctx, out, err, opts.From)
		return
	}
	h := &historyStream{r: r, prefix: r.Prefix(opts.Namespace) + ".", filter: opts.Filter, last: opts.From}
	var tick <-chan time.Time
	if opts.Bookmark > 0 {
		t := time.NewTicker(opts.Bookmark)
		defer t.Stop()
		tick = t.C
	}
	st := &stream{s: s, r: r, opts: opts, out: out}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			if !st.bookmark(ctx, h.last, false) {
				return
			}
		case ev, ok := <-changes:
			if !ok {
				return
			}
			if ev.Type == bus.EventError {
				sendExpired(ctx, out, ev.Err, opts.From)
				return
			}
			if e, ok := h.event(ev.Entry); ok && !st.send(ctx, e) {
				return
			}
		}
	}
}

func sendExpired(ctx context.Context, out chan watch.Event, err error, from uint64) {
	obj := unavailableStatus(err)
	if errors.Is(err, bus.ErrExpired) {
		obj = expired(from, from+1)
	}
	select {
	case out <- watch.Event{Type: watch.Error, Object: obj}:
	case <-ctx.Done():
	}
}

// historyStream turns bucket entries into the events of one watch. The
// bucket marks creations and keeps the last value in delete markers, so
// ADDED, MODIFIED and DELETED come out as a live watch would send them.
type historyStream struct {
	r      resources.Resource
	prefix string
	filter func(runtime.Object) bool
	last   uint64
}

func (h *historyStream) event(e bus.Entry) (watch.Event, bool) {
	h.last = e.Revision
	if !strings.HasPrefix(e.Key, h.prefix) || len(e.Value) == 0 {
		return watch.Event{}, false
	}
	obj, err := h.r.DecodeStored(e.Value, e.Revision)
	if err != nil || (h.filter != nil && !h.filter(obj)) {
		// Without the previous value a selector can only judge the new
		// one: an object that stopped matching is simply not sent.
		return watch.Event{}, false
	}
	switch {
	case e.Op == bus.OpDelete:
		return watch.Event{Type: watch.Deleted, Object: obj}, true
	case e.Created:
		return watch.Event{Type: watch.Added, Object: obj}, true
	}
	return watch.Event{Type: watch.Modified, Object: obj}, true
}
