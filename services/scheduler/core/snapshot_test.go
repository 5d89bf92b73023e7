package core

import (
	"fmt"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// TestSnapshotAccounting drives a snapshot through informer-like events and
// checks what node "a" has left for a 1-cpu pod after each.
func TestSnapshotAccounting(t *testing.T) {
	twoCPU := func() *corev1.Node { return makeNode("a", "2", "4Gi") }
	pod := func(name string, opts ...podOpt) *corev1.Pod {
		return makePod(name, "1", "1Gi", append([]podOpt{onNode("a")}, opts...)...)
	}
	failed := func(p *corev1.Pod) { p.Status.Phase = corev1.PodFailed }
	cases := []struct {
		name   string
		events func(s *Snapshot)
		fits   bool
	}{
		{"two pods fill it", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")) }, false},
		{"assumed pod echoed by the informer counts once", func(s *Snapshot) { s.AddPod(pod("x")); s.UpdatePod(pod("x")) }, true},
		{"removed pod frees", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")); s.RemovePod(pod("y")) }, true},
		{"terminated pod frees", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")); s.UpdatePod(pod("y", failed)) }, true},
		{"unbound pod ignored", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(makePod("y", "1", "")) }, true},
		{"pod moved to another node", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")); s.AddPod(pod("y", onNode("b"))) }, true},
		{"node update keeps pods", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")); s.UpdateNode(twoCPU()) }, false},
		{"node update changes allocatable", func(s *Snapshot) { s.AddPod(pod("x")); s.AddPod(pod("y")); s.UpdateNode(makeNode("a", "3", "4Gi")) }, true},
		{"node back after removal keeps pods", func(s *Snapshot) {
			s.AddPod(pod("x"))
			s.AddPod(pod("y"))
			s.RemoveNode("a")
			s.AddNode(twoCPU())
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSnapshot([]*corev1.Node{twoCPU()}, nil)
			tc.events(s)
			_, err := s.Schedule(makePod("p", "1", ""))
			if fits := err == nil; fits != tc.fits {
				t.Errorf("fits = %v (%v), want %v", fits, err, tc.fits)
			}
		})
	}
}

func TestSnapshotPodsBeforeNode(t *testing.T) {
	s := NewSnapshot(nil, []*corev1.Pod{makePod("x", "2", "", onNode("a"))})
	if s.NumNodes() != 0 {
		t.Fatalf("a node known only from its pods must not be a candidate")
	}
	s.AddNode(makeNode("a", "2", "4Gi"))
	_, err := s.Schedule(makePod("p", "1", ""))
	checkFitError(t, err, "0/1 nodes are available: 1 Insufficient cpu.")
}

func TestSnapshotRemoveNode(t *testing.T) {
	s := NewSnapshot([]*corev1.Node{makeNode("a", "2", "4Gi"), makeNode("b", "2", "4Gi"), makeNode("c", "2", "4Gi")}, nil)
	s.RemoveNode("a")
	s.RemoveNode("a")
	s.RemoveNode("unknown")
	if s.NumNodes() != 2 || len(s.nodes) != 2 {
		t.Fatalf("NumNodes = %d, tracked %d; want 2, 2", s.NumNodes(), len(s.nodes))
	}
	for range 10 {
		if node, err := s.Schedule(makePod("p", "1", "")); err != nil || node == "a" {
			t.Fatalf("Schedule = %q, %v after removing a", node, err)
		}
	}
}

func TestNumFeasibleNodesToFind(t *testing.T) {
	cases := []struct{ percentage, all, want int }{
		{0, 50, 50},
		{0, 100, 100},
		{0, 1000, 420},
		{0, 5000, 500},
		{0, 100000, 5000},
		{100, 5000, 5000},
		{1, 1000, 100},
		{30, 1000, 300},
	}
	for _, tc := range cases {
		c := Config{PercentageOfNodesToScore: tc.percentage}
		if got := c.numFeasibleNodesToFind(tc.all); got != tc.want {
			t.Errorf("percentage %d of %d nodes: %d, want %d", tc.percentage, tc.all, got, tc.want)
		}
	}
}

// TestSearchResumes: a search that stops early starts the next one where it
// stopped, so the nodes not examined are offered the following pods.
func TestSearchResumes(t *testing.T) {
	nodes := make([]*corev1.Node, 1000)
	for i := range nodes {
		nodes[i] = makeNode(fmt.Sprintf("n%04d", i), "4", "4Gi")
	}
	s := NewSnapshot(nodes, nil)
	seen := map[string]bool{}
	for range 3 {
		c := s.newCycle(makePod("p", "1", ""))
		for _, n := range s.findFeasible(c) {
			seen[n.name] = true
		}
	}
	if len(seen) != 1000 {
		t.Errorf("3 searches of 420 nodes each covered %d nodes, want all 1000", len(seen))
	}
}
