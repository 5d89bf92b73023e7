package bus

import (
	"cmp"
	"slices"
)

// change is one handler call to make.
type change struct {
	ev   Event
	prev *Entry
}

// change applies a live event, unless the cache already holds its
// revision (a resumed stream may repeat what was seen), then tells the
// handler.
func (inf *Informer) change(ev Event) {
	inf.mu.Lock()
	if ev.Entry.Revision <= inf.rev {
		inf.mu.Unlock()
		return
	}
	prev, had := inf.items[ev.Entry.Key]
	apply(inf.items, inf.stored(ev.Entry))
	inf.setRevision(ev.Entry.Revision)
	inf.mu.Unlock()
	if had {
		inf.handle([]change{{ev, &prev}})
	} else if ev.Entry.Op == OpPut {
		inf.handle([]change{{ev, nil}})
	}
}

// replace swaps in a fresh listing taken at rev and tells the handler how
// it differs from the cache, in revision order.
//
// It marks the informer synced only after the handler has seen every
// change, so readers that mirror entries in the handler (client.Informer)
// are complete once WaitSynced returns.
func (inf *Informer) replace(snap map[string]Entry, rev uint64) {
	inf.mu.Lock()
	changes := diff(inf.items, snap, rev)
	inf.items = snap
	inf.mu.Unlock()
	slices.SortStableFunc(changes, func(a, b change) int {
		return cmp.Compare(a.ev.Revision, b.ev.Revision)
	})
	inf.handle(changes)
	inf.mu.Lock()
	if inf.cfg.KeysOnly {
		for k, e := range inf.items {
			inf.items[k] = inf.stored(e)
		}
	}
	inf.synced = true
	inf.setRevision(max(inf.rev, rev))
	inf.mu.Unlock()
}

// diff lists puts for entries that are new or changed in snap and
// synthetic deletes, at rev, for keys snap lacks.
func diff(old, snap map[string]Entry, rev uint64) []change {
	var out []change
	for k, e := range snap {
		if o, ok := old[k]; !ok || o.Revision != e.Revision {
			out = append(out, change{Event{Type: EventChange, Entry: e, Revision: e.Revision}, prevOf(o, ok)})
		}
	}
	for k, o := range old {
		if _, ok := snap[k]; !ok {
			gone := Entry{Key: k, Revision: rev, Op: OpDelete}
			out = append(out, change{Event{Type: EventChange, Entry: gone, Revision: rev}, &o})
		}
	}
	return out
}

// stored is what the cache keeps of an entry.
func (inf *Informer) stored(e Entry) Entry {
	if inf.cfg.KeysOnly {
		e.Value = nil
	}
	return e
}

func prevOf(e Entry, ok bool) *Entry {
	if !ok {
		return nil
	}
	return &e
}

func (inf *Informer) handle(changes []change) {
	if inf.cfg.Handler == nil {
		return
	}
	for _, c := range changes {
		inf.cfg.Handler(c.ev, c.prev)
	}
}

// setRevision moves the cache to rev and wakes waiters; mu must be held.
func (inf *Informer) setRevision(rev uint64) {
	inf.rev = rev
	close(inf.changed)
	inf.changed = make(chan struct{})
}
