package events

import (
	"fmt"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func event(msg string) *corev1.Event {
	return &corev1.Event{
		InvolvedObject: corev1.ObjectReference{Kind: "ReplicaSet", Namespace: "ns", Name: "web", UID: "u1"},
		Reason:         "SuccessfulCreate", Message: msg, Type: corev1.EventTypeNormal, Count: 1,
		Source: corev1.EventSource{Component: "replicaset-controller"},
	}
}

func TestRepeatsAreCounted(t *testing.T) {
	c := newCorrelator((&fakeClock{t: time.Unix(0, 0)}).now)
	first, update, ok := c.correlate(event("Created pod: a"))
	if !ok || update || first.Count != 1 {
		t.Fatalf("first: ok=%v update=%v count=%d, want new Event with count 1", ok, update, first.Count)
	}
	again, update, ok := c.correlate(event("Created pod: a"))
	if !ok || !update || again.Count != 2 || again.Name != first.Name {
		t.Fatalf("repeat: ok=%v update=%v count=%d, want update of the same Event to count 2", ok, update, again.Count)
	}
}

func TestSimilarEventsAreCombinedAndCapped(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	c := newCorrelator(clock.now)
	var written, combined int
	for i := range 1000 {
		out, _, ok := c.correlate(event(fmt.Sprintf("Created pod: web-%d", i)))
		if !ok {
			continue
		}
		written++
		if strings.HasPrefix(out.Message, "(combined from similar events): ") {
			combined++
		}
	}
	if written != spamBurst {
		t.Fatalf("%d Events written for 1000 creates at once, want the burst of %d", written, spamBurst)
	}
	if combined != spamBurst-similarMax+1 {
		t.Fatalf("%d combined Events, want %d", combined, spamBurst-similarMax+1)
	}
	clock.t = clock.t.Add(spamRefill)
	if _, _, ok := c.correlate(event("Created pod: later")); !ok {
		t.Fatal("no Event allowed after the refill period")
	}
}
