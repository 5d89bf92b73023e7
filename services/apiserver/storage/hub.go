package storage

import (
	"strings"
	"sync"

	"github.com/kubus-dev/kubus/bus"
)

// change is one write as watches see it: the entry and what it replaced.
type change struct {
	rev   uint64
	key   string
	op    bus.Op
	value []byte
	prev  []byte // nil when the key did not exist before
}

// maxQueue bounds what a slow watcher may fall behind by; past it the watch
// ends and the client resumes from its last resourceVersion.
const maxQueue = 200000

// hub keeps the recent changes of the bucket, in order, and fans them out to
// watchers. Every change with a revision above since is in ring.
type hub struct {
	mu       sync.Mutex
	ring     *ring
	since    uint64
	rev      uint64
	started  chan struct{}
	live     bool // start has run: revisions must follow one another
	watchers map[*watcher]struct{}
}

func newHub(size int) *hub {
	return &hub{ring: newRing(size), watchers: map[*watcher]struct{}{}, started: make(chan struct{})}
}

// publish is the cache's handler: it runs once per change, in order.
func (h *hub) publish(ev bus.Event, prev *bus.Entry) {
	if ev.Type != bus.EventChange {
		return
	}
	c := change{rev: ev.Entry.Revision, key: ev.Entry.Key, op: ev.Entry.Op, value: ev.Entry.Value}
	if prev != nil && prev.Op == bus.OpPut {
		c.prev = prev.Value
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.live && c.rev > h.rev+1 {
		h.lost(c.rev)
	}
	h.append(c)
	for w := range h.watchers {
		w.offer(c)
	}
}

// lost handles a gap in revisions: the bucket's per-key history limit
// removed changes before the cache read them. Nothing before the gap can
// be replayed exactly any more, and watchers that needed it end with 410,
// as after an etcd compaction.
func (h *hub) lost(rev uint64) {
	h.since = rev - 1
	h.ring.clear()
	for w := range h.watchers {
		w.expired = true
		select {
		case w.notify <- struct{}{}:
		default:
		}
	}
}

func (h *hub) append(c change) {
	if old, evicted := h.ring.push(c); evicted {
		h.since = old.rev
	}
	if c.rev > h.rev {
		h.rev = c.rev
	}
}

// start marks the revision of the cache's first snapshot: changes up to it
// were part of the snapshot, not history a watch can replay.
func (h *hub) start(rev uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.since = max(h.since, rev)
	h.rev = max(h.rev, rev)
	h.ring.dropThrough(h.since)
	h.live = true
	close(h.started)
}

// subscribe registers w for changes after from, queueing the ones the ring
// already holds. ok is false when from is older than the ring.
func (h *hub) subscribe(w *watcher, from uint64) (since uint64, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if from < h.since {
		return h.since, false
	}
	w.from = from
	h.ring.each(w.offer)
	h.watchers[w] = struct{}{}
	return h.since, true
}

func (h *hub) unsubscribe(w *watcher) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.watchers, w)
}

// progress is the newest revision every watcher has been offered.
func (h *hub) progress() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rev
}

// watcher is one watch's queue of changes under a key prefix.
type watcher struct {
	prefix   string
	from     uint64
	queue    []change
	overflow bool
	// expired: changes this watcher needed were lost (see hub.lost).
	expired bool
	notify  chan struct{}
}

func newWatcher(prefix string) *watcher {
	return &watcher{prefix: prefix + ".", notify: make(chan struct{}, 1)}
}

// offer runs under the hub's lock.
func (w *watcher) offer(c change) {
	if c.rev <= w.from || !strings.HasPrefix(c.key, w.prefix) || w.overflow || w.expired {
		return
	}
	if len(w.queue) >= maxQueue {
		w.overflow = true
	} else {
		w.queue = append(w.queue, c)
	}
	select {
	case w.notify <- struct{}{}:
	default:
	}
}

// take empties the queue; expired means what follows it was lost.
func (h *hub) take(w *watcher) (q []change, overflow, expired bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	q = w.queue
	w.queue = nil
	return q, w.overflow, w.expired
}
