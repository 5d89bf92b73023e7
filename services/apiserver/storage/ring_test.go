package storage

import (
	"slices"
	"testing"
)

func revs(r *ring) []uint64 {
	var out []uint64
	r.each(func(c change) { out = append(out, c.rev) })
	return out
}

func TestRing(t *testing.T) {
	tests := []struct {
		name        string
		size        int
		push        []uint64
		dropThrough uint64
		want        []uint64
		evicted     []uint64
	}{
		{name: "not full", size: 3, push: []uint64{1, 2}, want: []uint64{1, 2}},
		{name: "full keeps newest", size: 3, push: []uint64{1, 2, 3, 4, 5}, want: []uint64{3, 4, 5}, evicted: []uint64{1, 2}},
		{name: "wraps many times", size: 2, push: []uint64{1, 2, 3, 4, 5, 6, 7}, want: []uint64{6, 7}, evicted: []uint64{1, 2, 3, 4, 5}},
		{name: "zero size keeps nothing", size: 0, push: []uint64{1, 2}, evicted: []uint64{1, 2}},
		{name: "drop through after wrap", size: 3, push: []uint64{1, 2, 3, 4, 5}, dropThrough: 4, want: []uint64{5}, evicted: []uint64{1, 2}},
		{name: "drop through all", size: 3, push: []uint64{1, 2}, dropThrough: 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRing(tt.size)
			var evicted []uint64
			for _, rev := range tt.push {
				if old, ok := r.push(change{rev: rev}); ok {
					evicted = append(evicted, old.rev)
				}
			}
			r.dropThrough(tt.dropThrough)
			if got := revs(r); !slices.Equal(got, tt.want) {
				t.Errorf("ring holds %v, want %v", got, tt.want)
			}
			if !slices.Equal(evicted, tt.evicted) {
				t.Errorf("evicted %v, want %v", evicted, tt.evicted)
			}
			r.push(change{rev: 100})
			if tt.size > 0 && revs(r)[len(revs(r))-1] != 100 {
				t.Errorf("push after drop: ring holds %v", revs(r))
			}
		})
	}
}
