package gc

import (
	"context"
	"strconv"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
)

// caughtUp waits until every informer, and so the graph, holds all
// changes up to owner's own revision: a dependent created just before its
// owner was deleted may not have reached the graph yet (informers of
// different resources move independently), and releasing a foreground
// deletion or orphaning without it would get it wrong. Handlers run one
// change at a time in revision order, right after the informer moves, so
// once an informer stands at or past the owner's revision (a change of
// another resource) its handler is done with every earlier change.
func (c *collector) caughtUp(ctx context.Context, owner runtime.Object) error {
	m, err := meta.Accessor(owner)
	if err != nil {
		return err
	}
	rev, err := strconv.ParseUint(m.GetResourceVersion(), 10, 64)
	if err != nil {
		return err
	}
	for _, inf := range c.infs {
		if err := inf.WaitForRevision(ctx, rev); err != nil {
			return err
		}
	}
	return nil
}

// settle waits until the informers' handlers fall quiet. WaitSynced
// returns once the bus mirror holds the first listing, which it then
// hands to the handler that fills the informer and this graph: until that
// is done the graph may lack dependents.
func (c *collector) settle(ctx context.Context) {
	const quiet = 200 * time.Millisecond
	for last := c.handled.Load(); ; {
		select {
		case <-ctx.Done():
			return
		case <-time.After(quiet):
		}
		now := c.handled.Load()
		if now == last {
			return
		}
		last = now
	}
}
