package storage

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// toEvent turns a change into what a filtered watch sees: an object that
// starts matching is ADDED, one that stops matching is DELETED.
func toEvent(r resources.Resource, c change, filter func(runtime.Object) bool) (watch.Event, bool, error) {
	if c.op == bus.OpDelete {
		return deleted(r, c, filter)
	}
	cur, err := r.DecodeStored(c.value, c.rev)
	if err != nil {
		return watch.Event{}, false, err
	}
	newMatch := filter == nil || filter(cur)
	oldMatch := c.prev != nil
	if c.prev != nil && filter != nil {
		prev, err := r.DecodeStored(c.prev, c.rev)
		oldMatch = err == nil && filter(prev)
	}
	switch {
	case newMatch && oldMatch:
		return watch.Event{Type: watch.Modified, Object: cur}, true, nil
	case newMatch:
		return watch.Event{Type: watch.Added, Object: cur}, true, nil
	case oldMatch:
		return watch.Event{Type: watch.Deleted, Object: cur}, true, nil
	}
	return watch.Event{}, false, nil
}

func deleted(r resources.Resource, c change, filter func(runtime.Object) bool) (watch.Event, bool, error) {
	if c.prev == nil {
		return watch.Event{}, false, nil
	}
	prev, err := r.DecodeStored(c.prev, c.rev)
	if err != nil {
		return watch.Event{}, false, err
	}
	if filter != nil && !filter(prev) {
		return watch.Event{}, false, nil
	}
	return watch.Event{Type: watch.Deleted, Object: prev}, true, nil
}
