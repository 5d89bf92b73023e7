package expectations

import (
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestExpectations(t *testing.T) {
	tests := []struct {
		name string
		act  func(e *Expectations, c *fakeClock)
		want bool
	}{
		{"nothing expected", func(*Expectations, *fakeClock) {}, true},
		{"creates in flight", func(e *Expectations, _ *fakeClock) { e.ExpectCreations("k", 3) }, false},
		{"some creates seen", func(e *Expectations, _ *fakeClock) {
			e.ExpectCreations("k", 3)
			e.CreationObserved("k")
			e.CreationObserved("k")
		}, false},
		{"all creates seen", func(e *Expectations, _ *fakeClock) {
			e.ExpectCreations("k", 2)
			e.CreationObserved("k")
			e.CreationObserved("k")
		}, true},
		{"deletes in flight", func(e *Expectations, _ *fakeClock) { e.ExpectDeletions("k", []string{"ns/a", "ns/b"}) }, false},
		{"same delete seen twice counts once", func(e *Expectations, _ *fakeClock) {
			e.ExpectDeletions("k", []string{"ns/a", "ns/b"})
			e.DeletionObserved("k", "ns/a")
			e.DeletionObserved("k", "ns/a")
		}, false},
		{"all deletes seen", func(e *Expectations, _ *fakeClock) {
			e.ExpectDeletions("k", []string{"ns/a", "ns/b"})
			e.DeletionObserved("k", "ns/b")
			e.DeletionObserved("k", "ns/a")
		}, true},
		{"expired after TTL", func(e *Expectations, c *fakeClock) {
			e.ExpectCreations("k", 5)
			c.t = c.t.Add(TTL + time.Second)
		}, true},
		{"other key unaffected", func(e *Expectations, _ *fakeClock) { e.ExpectCreations("other", 5) }, true},
		{"deleted key", func(e *Expectations, _ *fakeClock) {
			e.ExpectCreations("k", 5)
			e.Delete("k")
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &fakeClock{t: time.Unix(1000, 0)}
			e := New(c.now)
			tt.act(e, c)
			if got := e.Satisfied("k"); got != tt.want {
				t.Fatalf("Satisfied = %v, want %v", got, tt.want)
			}
		})
	}
}
