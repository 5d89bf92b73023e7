package sim

import (
	"net/netip"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/watch"
)

func TestIPPool(t *testing.T) {
	var p ipPool
	p.use(netip.MustParsePrefix("10.1.2.0/29")) // .2 .. .6: five addresses
	p.mark(netip.MustParseAddr("10.1.2.3"))     // a pod from before a restart
	p.mark(netip.MustParseAddr("10.9.9.9"))     // elsewhere: ignored
	var got []string
	for {
		a, ok := p.take()
		if !ok {
			break
		}
		got = append(got, a.String())
	}
	want := []string{"10.1.2.2", "10.1.2.4", "10.1.2.5", "10.1.2.6"}
	if len(got) != len(want) || p.inUse() != 5 {
		t.Fatalf("took %v (in use %d), want %v", got, p.inUse(), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("took %v, want %v", got, want)
		}
	}
	p.release(netip.MustParseAddr("10.1.2.5"))
	if a, ok := p.take(); !ok || a.String() != "10.1.2.5" {
		t.Errorf("after release took %v %v", a, ok)
	}
	p.use(netip.MustParsePrefix("10.1.3.0/24"))
	if p.inUse() != 0 || p.size != 253 {
		t.Errorf("new range: in use %d size %d", p.inUse(), p.size)
	}
}

func TestIPPoolRoundRobin(t *testing.T) {
	var p ipPool
	p.use(netip.MustParsePrefix("10.0.0.0/24"))
	a, _ := p.take()
	p.release(a)
	if b, _ := p.take(); b == a {
		t.Errorf("a freed address %s was handed out again at once", a)
	}
}

func TestRunningDelta(t *testing.T) {
	pending := &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodPending}}
	running := &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodRunning}}
	tests := []struct {
		t        watch.EventType
		pod, was *corev1.Pod
		want     float64
	}{
		{watch.Added, pending, nil, 0},
		{watch.Added, running, nil, 1},
		{watch.Modified, running, pending, 1},
		{watch.Modified, running, running, 0},
		{watch.Modified, pending, running, -1},
		{watch.Deleted, running, nil, -1},
		{watch.Deleted, pending, nil, 0},
	}
	for _, tt := range tests {
		if got := runningDelta(tt.t, tt.pod, tt.was); got != tt.want {
			t.Errorf("%s %s (was %v): delta %v, want %v", tt.t, tt.pod.Status.Phase, tt.was != nil, got, tt.want)
		}
	}
}
