package core

import (
	"slices"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// scoreCase scores pod on the named nodes of a snapshot built from nodes and
// existing pods, and expects the normalized scores in that order.
type scoreCase struct {
	name     string
	nodes    []*corev1.Node
	existing []*corev1.Pod
	services []*corev1.Service
	pod      *corev1.Pod
	want     []int64
}

func runScoreCases(t *testing.T, sc scorer, cases []scoreCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSnapshot(tc.nodes, tc.existing)
			s.SetServices(tc.services)
			c := s.newCycle(tc.pod)
			got := make([]int64, len(tc.nodes))
			for i, n := range tc.nodes {
				got[i] = sc.score(c, s.nodes[n.Name])
			}
			if sc.normalize != nil {
				sc.normalize(got)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("scores = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestScoreLeastAllocated(t *testing.T) {
	nodes := []*corev1.Node{makeNode("a", "4", "4Gi"), makeNode("b", "4", "4Gi")}
	runScoreCases(t, scorer{score: scoreLeastAllocated}, []scoreCase{
		{name: "emptier node wins", nodes: nodes, existing: []*corev1.Pod{makePod("x", "2", "2Gi", onNode("a"))},
			pod: makePod("p", "1", "1Gi"), want: []int64{25, 75}},
		{name: "cpu and memory averaged", nodes: nodes, existing: []*corev1.Pod{makePod("x", "3", "", onNode("a")), makePod("y", "", "3Gi", onNode("b"))},
			// a: cpu 4/4 used -> 0, memory 200Mi+1Gi of 4Gi -> 70; b: cpu 100m+1 -> 72, memory 4Gi -> 0.
			pod: makePod("p", "1", "1Gi"), want: []int64{35, 36}},
		{name: "best effort pods count as defaults", nodes: nodes, existing: []*corev1.Pod{makePod("x", "", "", onNode("a")), makePod("y", "", "", onNode("a"))},
			pod: makePod("p", "", ""), want: []int64{88, 96}},
		{name: "over-committed node scores 0", nodes: nodes, existing: []*corev1.Pod{makePod("x", "5", "5Gi", onNode("a"))},
			pod: makePod("p", "1", "1Gi"), want: []int64{0, 75}},
	})
}

func TestScoreBalanced(t *testing.T) {
	nodes := []*corev1.Node{makeNode("a", "4", "4Gi"), makeNode("b", "4", "4Gi")}
	runScoreCases(t, scorer{score: scoreBalanced}, []scoreCase{
		{name: "balanced node wins", nodes: nodes, existing: []*corev1.Pod{makePod("x", "2", "", onNode("a")), makePod("y", "1", "1Gi", onNode("b"))},
			// a: cpu 3/4, memory 1/4 -> 1 - 0.25; b: 2/4 and 2/4 -> 1.
			pod: makePod("p", "1", "1Gi"), want: []int64{75, 100}},
		{name: "pod evens out the node", nodes: nodes, existing: []*corev1.Pod{makePod("x", "", "2Gi", onNode("a"))},
			pod: makePod("p", "2", ""), want: []int64{100, 75}},
	})
	if !bestEffort(NewSnapshot(nil, nil).newCycle(makePod("p", "", ""))) {
		t.Error("a pod without requests should skip the balance score")
	}
}

func TestScoreAffinity(t *testing.T) {
	nodes := []*corev1.Node{makeNode("a", "4", "4Gi", withLabels("zone", "a", "disk", "ssd")), makeNode("b", "4", "4Gi", withLabels("zone", "b")), makeNode("c", "4", "4Gi")}
	prefer := func(weight int32, t corev1.NodeSelectorTerm) corev1.PreferredSchedulingTerm {
		return corev1.PreferredSchedulingTerm{Weight: weight, Preference: t}
	}
	preferred := func(terms ...corev1.PreferredSchedulingTerm) podOpt {
		return withAffinity(&corev1.NodeAffinity{PreferredDuringSchedulingIgnoredDuringExecution: terms})
	}
	runScoreCases(t, scorer{score: scoreAffinity, normalize: normalizeScores}, []scoreCase{
		{name: "heavier preference wins", nodes: nodes,
			pod:  makePod("p", "", "", preferred(prefer(20, term(expr("zone", corev1.NodeSelectorOpIn, "a"))), prefer(80, term(expr("zone", corev1.NodeSelectorOpIn, "b"))))),
			want: []int64{25, 100, 0}},
		{name: "weights add up", nodes: nodes,
			pod:  makePod("p", "", "", preferred(prefer(50, term(expr("zone", corev1.NodeSelectorOpExists))), prefer(50, term(expr("disk", corev1.NodeSelectorOpIn, "ssd"))))),
			want: []int64{100, 50, 0}},
		{name: "empty preference ignored", nodes: nodes, pod: makePod("p", "", "", preferred(prefer(50, corev1.NodeSelectorTerm{}))), want: []int64{0, 0, 0}},
	})
}

func TestScoreTaints(t *testing.T) {
	soft := corev1.TaintEffectPreferNoSchedule
	nodes := []*corev1.Node{
		makeNode("a", "4", "4Gi", withTaint("x", "", soft), withTaint("y", "", soft)),
		makeNode("b", "4", "4Gi", withTaint("x", "", soft)),
		makeNode("c", "4", "4Gi"),
	}
	runScoreCases(t, scorer{score: scoreTaints, normalize: normalizeReverse}, []scoreCase{
		{name: "fewer intolerable taints win", nodes: nodes, pod: makePod("p", "", ""), want: []int64{0, 50, 100}},
		{name: "tolerated taints do not count", nodes: nodes,
			pod: makePod("p", "", "", tolerating(corev1.Toleration{Key: "x", Operator: corev1.TolerationOpExists})), want: []int64{0, 100, 100}},
		{name: "NoSchedule toleration does not count", nodes: nodes,
			pod: makePod("p", "", "", tolerating(corev1.Toleration{Key: "x", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule})), want: []int64{0, 50, 100}},
		{name: "no taints anywhere", nodes: nodes[2:], pod: makePod("p", "", ""), want: []int64{100}},
	})
}
