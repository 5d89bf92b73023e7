package events

import (
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// The limits of client-go's EventCorrelator defaults.
const (
	similarMax    = 10               // distinct messages before they are combined
	similarWindow = 10 * time.Minute // how long similar messages are remembered
	spamBurst     = 25               // Events per object and reason at once
	spamRefill    = 5 * time.Minute  // one more allowed per this
	maxKeys       = 4096             // bound on each cache; forgotten wholesale beyond
)

// correlator decides, for each Event, whether to write it, and whether as
// a new Event or as one more count of an earlier one. Only Run's goroutine
// uses it.
type correlator struct {
	clock   func() time.Time
	similar map[string]*similar
	seen    map[string]*corev1.Event
	tokens  map[string]*bucket
}

type similar struct {
	messages map[string]bool
	last     time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newCorrelator(clock func() time.Time) *correlator {
	return &correlator{clock: clock, similar: map[string]*similar{}, seen: map[string]*corev1.Event{}, tokens: map[string]*bucket{}}
}

// correlate returns the Event to write and whether it updates one already
// written; ok is false when the spam filter drops it.
func (c *correlator) correlate(ev *corev1.Event) (out *corev1.Event, update, ok bool) {
	ev, key := c.aggregate(ev)
	out = ev
	if prev := c.seen[key]; prev != nil {
		out = prev.DeepCopy()
		out.Count++
		out.LastTimestamp, out.Message = ev.LastTimestamp, ev.Message
		update = true
	}
	remember(c.seen, key, out)
	if !c.allow(groupKey(ev)) {
		return nil, false, false
	}
	return out, update, true
}

// aggregate combines an Event into one "(combined from similar events)"
// Event once its object and reason produced many distinct messages, and
// returns the key under which repeats are counted.
func (c *correlator) aggregate(ev *corev1.Event) (*corev1.Event, string) {
	group, now := groupKey(ev), c.clock()
	s := c.similar[group]
	if s == nil || now.Sub(s.last) > similarWindow {
		s = &similar{messages: map[string]bool{}}
		remember(c.similar, group, s)
	}
	s.messages[ev.Message], s.last = true, now
	if len(s.messages) < similarMax {
		return ev, group + "\x00" + ev.Message
	}
	out := ev.DeepCopy()
	out.Message = "(combined from similar events): " + ev.Message
	return out, group
}

// allow takes a token from the bucket of key, refilled over time.
func (c *correlator) allow(key string) bool {
	now := c.clock()
	b := c.tokens[key]
	if b == nil {
		b = &bucket{tokens: spamBurst, at: now}
		remember(c.tokens, key, b)
	}
	b.tokens = min(spamBurst, b.tokens+now.Sub(b.at).Seconds()/spamRefill.Seconds())
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// groupKey names the source, object, type and reason of an Event.
func groupKey(ev *corev1.Event) string {
	o := ev.InvolvedObject
	return strings.Join([]string{ev.Source.Component, o.Kind, o.Namespace, o.Name, string(o.UID), o.APIVersion, ev.Type, ev.Reason}, "\x00")
}

func remember[V any](m map[string]V, key string, v V) {
	if len(m) >= maxKeys {
		clear(m)
	}
	m[key] = v
}
