package core

import (
	"errors"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestFitErrorMessage(t *testing.T) {
	cases := []struct {
		name string
		err  FitError
		want string
	}{
		{"no nodes", FitError{}, "no nodes available to schedule pods"},
		{"one reason", FitError{NumNodes: 2, Reasons: map[string]int{"Insufficient cpu": 2}}, "0/2 nodes are available: 2 Insufficient cpu."},
		{"sorted as upstream", FitError{NumNodes: 3, Reasons: map[string]int{
			"Insufficient cpu": 2, "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }": 1,
		}}, "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu."},
		{"counts lead the sort", FitError{NumNodes: 12, Reasons: map[string]int{"Insufficient memory": 10, "Insufficient cpu": 2}},
			"0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() =\n%q, want\n%q", got, tc.want)
			}
		})
	}
}

// TestScheduleMixedReasons checks the whole pipeline's FitError: each node
// counts under the reasons of the first filter it fails, all of them for
// resources.
func TestScheduleMixedReasons(t *testing.T) {
	nodes := []*corev1.Node{
		makeNode("cp", "8", "8Gi", withTaint("node-role.kubernetes.io/control-plane", "", corev1.TaintEffectNoSchedule)),
		makeNode("w1", "1", "8Gi"),
		makeNode("w2", "1", "1Gi"),
		makeNode("down", "8", "8Gi", withReady(corev1.ConditionFalse)),
		makeNode("cordoned", "8", "8Gi", func(n *corev1.Node) { n.Spec.Unschedulable = true }),
		makeNode("ports", "8", "8Gi"),
	}
	existing := []*corev1.Pod{makePod("hp", "", "", withHostPort("", corev1.ProtocolTCP, 80), onNode("ports"))}
	s := seeded(nodes, existing)
	_, err := s.Schedule(makePod("p", "2", "2Gi", withHostPort("", "", 80)))
	want := "0/6 nodes are available: " +
		"1 Insufficient memory, 1 node(s) didn't have free ports for the requested pod ports, " +
		"1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, " +
		"1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) were unschedulable, 2 Insufficient cpu."
	checkFitError(t, err, want)
}

func checkFitError(t *testing.T, err error, want string) {
	t.Helper()
	var fe *FitError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a *FitError", err)
	}
	if got := fe.Error(); got != want {
		t.Errorf("FitError =\n%q, want\n%q", got, want)
	}
	sum := 0
	for _, n := range fe.Reasons {
		sum += n
	}
	if sum < fe.NumNodes {
		t.Errorf("reasons cover %d nodes of %d: %v", sum, fe.NumNodes, fe.Reasons)
	}
}

func TestScheduleNoNodes(t *testing.T) {
	_, err := NewSnapshot(nil, nil).Schedule(makePod("p", "", ""))
	checkFitError(t, err, noNodesMessage)
}
