package sim

import (
	"context"
	"sync"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
)

// writer bounds the API writes in flight across the whole sim: node
// registration, heartbeats and pod work all take one of its slots, so
// 5,000 nodes queue up here instead of flooding the apiserver.
type writer struct {
	slots chan struct{}
	wg    sync.WaitGroup
	m     *metrics
}

func newWriter(max int, m *metrics) *writer {
	return &writer{slots: make(chan struct{}, max), m: m}
}

// do runs write in the caller's goroutine once a slot is free and counts
// its result under kind.
func (w *writer) do(ctx context.Context, kind string, write func(context.Context) error) error {
	select {
	case w.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-w.slots }()
	err := write(ctx)
	w.m.wrote(kind, err)
	return err
}

// spawn runs write in its own goroutine once a slot is free; the caller
// waits for the slot, which is the backpressure on the heartbeat loop.
// after runs when the write is done, or at once if ctx ended first.
func (w *writer) spawn(ctx context.Context, kind string, write func(context.Context) error, after func()) {
	select {
	case w.slots <- struct{}{}:
	case <-ctx.Done():
		after()
		return
	}
	w.wg.Go(func() {
		defer after()
		defer func() { <-w.slots }()
		w.m.wrote(kind, write(ctx))
	})
}

// wait returns once every spawned write has finished.
func (w *writer) wait() { w.wg.Wait() }

// result names an API outcome for sim_writes_total.
func result(err error) string {
	switch {
	case err == nil:
		return "ok"
	case apierrors.IsConflict(err):
		return "conflict"
	case apierrors.IsNotFound(err):
		return "not_found"
	case apierrors.IsAlreadyExists(err):
		return "exists"
	case apierrors.IsInvalid(err):
		return "invalid"
	}
	return "error"
}
