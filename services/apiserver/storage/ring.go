package storage

// ring holds the most recent changes, oldest first, in a fixed-size
// circular buffer: appending to a full ring overwrites the oldest change
// instead of copying the rest (which cost O(size) per write).
type ring struct {
	buf  []change
	head int // index of the oldest change
	n    int
}

func newRing(size int) *ring { return &ring{buf: make([]change, size)} }

// push appends c and returns the change it evicted, if the ring was full.
func (r *ring) push(c change) (evicted change, ok bool) {
	if len(r.buf) == 0 {
		return c, true
	}
	if r.n < len(r.buf) {
		r.buf[(r.head+r.n)%len(r.buf)] = c
		r.n++
		return change{}, false
	}
	evicted = r.buf[r.head]
	r.buf[r.head] = c
	r.head = (r.head + 1) % len(r.buf)
	return evicted, true
}

// each calls fn for every change, oldest first.
func (r *ring) each(fn func(change)) {
	for i := range r.n {
		fn(r.buf[(r.head+i)%len(r.buf)])
	}
}

// dropThrough forgets the changes up to and including rev.
func (r *ring) dropThrough(rev uint64) {
	for r.n > 0 && r.buf[r.head].rev <= rev {
		r.buf[r.head] = change{}
		r.head = (r.head + 1) % len(r.buf)
		r.n--
	}
}

// clear forgets every change.
func (r *ring) clear() {
	clear(r.buf)
	r.head, r.n = 0, 0
}
