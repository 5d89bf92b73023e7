package core

import (
	"fmt"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// TestNeverOverCommits schedules pods of half a node's cpu onto two nodes,
// assuming each: four fit, the fifth must not.
func TestNeverOverCommits(t *testing.T) {
	s := seeded([]*corev1.Node{makeNode("a", "2", "8Gi"), makeNode("b", "2", "8Gi")}, nil)
	perNode := map[string]int{}
	for i := range 4 {
		pod := makePod(fmt.Sprintf("p%d", i), "1", "1Gi")
		node, err := s.Schedule(pod)
		if err != nil {
			t.Fatalf("pod %d: %v", i, err)
		}
		perNode[node]++
		pod.Spec.NodeName = node
		s.AddPod(pod)
	}
	if perNode["a"] != 2 || perNode["b"] != 2 {
		t.Errorf("pods per node = %v, want 2 each", perNode)
	}
	_, err := s.Schedule(makePod("p4", "1", "1Gi"))
	checkFitError(t, err, "0/2 nodes are available: 2 Insufficient cpu.")
}

func TestScheduleNodeName(t *testing.T) {
	nodes := []*corev1.Node{makeNode("a", "4", "4Gi"), makeNode("b", "1", "4Gi"), makeNode("c", "4", "4Gi", func(n *corev1.Node) { n.Spec.Unschedulable = true })}
	cases := []struct {
		name, nodeName, cpu string
		want, wantErr       string
	}{
		{name: "named node chosen over a better one", nodeName: "b", cpu: "1", want: "b"},
		{name: "named node must fit", nodeName: "b", cpu: "2",
			wantErr: "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match the requested node name, 1 node(s) were unschedulable."},
		{name: "unknown node", nodeName: "zz", cpu: "1",
			wantErr: "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match the requested node name."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := seeded(nodes, nil).Schedule(makePod("p", tc.cpu, "", onNode(tc.nodeName)))
			if tc.wantErr != "" {
				checkFitError(t, err, tc.wantErr)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Schedule = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestSchedulePrefersBestScore checks the weighted pipeline end to end.
func TestSchedulePrefersBestScore(t *testing.T) {
	soft := withTaint("spot", "", corev1.TaintEffectPreferNoSchedule)
	nodes := []*corev1.Node{makeNode("busy", "4", "4Gi"), makeNode("idle", "4", "4Gi"), makeNode("spot", "4", "4Gi", soft)}
	existing := []*corev1.Pod{makePod("x", "3", "3Gi", onNode("busy"))}
	node, err := seeded(nodes, existing).Schedule(makePod("p", "500m", "512Mi"))
	if err != nil || node != "idle" {
		t.Errorf("Schedule = %q, %v; want idle", node, err)
	}
}

// TestScheduleSpreadsTies: identical nodes must share identical pods.
func TestScheduleSpreadsTies(t *testing.T) {
	s := seeded([]*corev1.Node{makeNode("a", "4", "4Gi"), makeNode("b", "4", "4Gi"), makeNode("c", "4", "4Gi")}, nil)
	seen := map[string]int{}
	for range 300 {
		node, err := s.Schedule(makePod("p", "1", "1Gi"))
		if err != nil {
			t.Fatal(err)
		}
		seen[node]++
	}
	for _, n := range []string{"a", "b", "c"} {
		if seen[n] < 50 {
			t.Errorf("ties not spread: %v", seen)
		}
	}
}

func TestScheduleSpreadsReplicas(t *testing.T) {
	s := seeded([]*corev1.Node{makeNode("a", "8", "8Gi"), makeNode("b", "8", "8Gi"), makeNode("c", "8", "8Gi")}, nil)
	perNode := map[string]int{}
	for i := range 9 {
		pod := makePod(fmt.Sprintf("web-%d", i), "", "", ownedBy("ReplicaSet", "web"))
		node, err := s.Schedule(pod)
		if err != nil {
			t.Fatal(err)
		}
		perNode[node]++
		pod.Spec.NodeName = node
		s.AddPod(pod)
	}
	if perNode["a"] != 3 || perNode["b"] != 3 || perNode["c"] != 3 {
		t.Errorf("replicas per node = %v, want 3 each", perNode)
	}
}
