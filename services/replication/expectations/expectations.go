// Package expectations remembers, per controller key, the pod creates and
// deletes a controller has asked the apiserver for but not yet seen in its
// informer. Until they are seen, the informer's view is behind the
// controller's own actions, and acting on it would create or delete twice:
// kube-controller-manager's ControllerExpectations.
package expectations

import (
	"sync"
	"time"
)

// TTL is how long unfulfilled expectations hold before they are ignored,
// so a lost watch event cannot stall a controller forever.
const TTL = 5 * time.Minute

// Expectations is safe for concurrent use by informer handlers and
// reconcilers.
type Expectations struct {
	clock func() time.Time
	mu    sync.Mutex
	byKey map[string]*record
}

type record struct {
	adds int
	dels map[string]bool // pod keys expected to go, so each counts once
	at   time.Time
}

// New returns empty Expectations reading time from clock.
func New(clock func() time.Time) *Expectations {
	if clock == nil {
		clock = time.Now
	}
	return &Expectations{clock: clock, byKey: map[string]*record{}}
}

// ExpectCreations records n creates about to be made for key, replacing
// whatever was expected before.
func (e *Expectations) ExpectCreations(key string, n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.byKey[key] = &record{adds: n, at: e.clock()}
}

// ExpectDeletions records the pods about to be deleted for key.
func (e *Expectations) ExpectDeletions(key string, podKeys []string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := &record{dels: make(map[string]bool, len(podKeys)), at: e.clock()}
	for _, k := range podKeys {
		r.dels[k] = true
	}
	e.byKey[key] = r
}

// CreationObserved counts one expected create as done: the informer saw
// it, or it was never made.
func (e *Expectations) CreationObserved(key string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r := e.byKey[key]; r != nil && r.adds > 0 {
		r.adds--
	}
}

// DeletionObserved counts the expected deletion of podKey as done; seeing
// the same pod deleted twice counts once.
func (e *Expectations) DeletionObserved(key, podKey string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if r := e.byKey[key]; r != nil {
		delete(r.dels, podKey)
	}
}

// Satisfied reports whether key may act on the informer's view: nothing
// is expected, everything expected was seen, or the expectations expired.
func (e *Expectations) Satisfied(key string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := e.byKey[key]
	if r == nil || (r.adds <= 0 && len(r.dels) == 0) {
		return true
	}
	return e.clock().Sub(r.at) > TTL
}

// Delete forgets key, when its controller object is gone.
func (e *Expectations) Delete(key string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.byKey, key)
}
