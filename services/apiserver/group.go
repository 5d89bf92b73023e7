package apiserver

import (
	"context"
	"errors"
	"sync"
)

// group owns the apiserver's goroutines: the first to fail stops the rest,
// and wait returns once all have stopped.
type group struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
	err    error
}

func newGroup(ctx context.Context, cancel context.CancelFunc) *group {
	return &group{ctx: ctx, cancel: cancel}
}

func (g *group) go_(f func(context.Context) error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(g.ctx); err != nil && !errors.Is(err, context.Canceled) {
			g.once.Do(func() { g.err = err })
		}
		g.cancel()
	}()
}

// wait stops everything if err is set, waits for all goroutines and
// returns the first error.
func (g *group) wait(err error) error {
	if err != nil {
		g.cancel()
	}
	g.wg.Wait()
	if err != nil {
		return err
	}
	return g.err
}
