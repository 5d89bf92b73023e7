package bus

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// List returns the live entries under prefix sorted by key, and the
// revision they are consistent at: every change up to it is reflected and
// none after it. It reads only the latest message of each key, so its
// cost follows the number of keys, not the length of history. Without a
// deadline in ctx it gives up after the connection's timeout.
func (s *Store) List(ctx context.Context, prefix string) ([]Entry, uint64, error) {
	ctx, cancel := s.conn.withTimeout(ctx)
	defer cancel()
	events, err := s.Follow(ctx, prefix)
	if err != nil {
		return nil, 0, err
	}
	items := map[string]Entry{}
	for ev := range events {
		switch ev.Type {
		case EventSynced:
			return sortedEntries(items), ev.Revision, nil
		case EventError:
			return nil, 0, ev.Err
		}
		apply(items, ev.Entry)
	}
	return nil, 0, translate(context.Cause(ctx), fmt.Sprintf("list %q", prefix))
}

// apply records e in a key -> latest entry map.
func apply(items map[string]Entry, e Entry) {
	if e.Op == OpDelete {
		delete(items, e.Key)
		return
	}
	items[e.Key] = e
}

func sortedEntries(items map[string]Entry) []Entry {
	out := make([]Entry, 0, len(items))
	for _, e := range items {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Key, b.Key) })
	return out
}
