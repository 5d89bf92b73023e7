package core

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestScoreSpread(t *testing.T) {
	nodes := []*corev1.Node{makeNode("a", "4", "4Gi"), makeNode("b", "4", "4Gi"), makeNode("c", "4", "4Gi")}
	rs := ownedBy("ReplicaSet", "web-1")
	web := withPodLabels("app", "web")
	svc := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "default"}, Spec: corev1.ServiceSpec{Selector: map[string]string{"app": "web"}}}
	runScoreCases(t, scorer{score: scoreSpread, normalize: normalizeSpread}, []scoreCase{
		{name: "same controller", nodes: nodes,
			existing: []*corev1.Pod{makePod("x", "", "", rs, onNode("a")), makePod("y", "", "", rs, onNode("a")), makePod("z", "", "", rs, onNode("b"))},
			pod:      makePod("p", "", "", rs), want: []int64{0, 50, 100}},
		{name: "other controller ignored", nodes: nodes,
			existing: []*corev1.Pod{makePod("x", "", "", ownedBy("ReplicaSet", "db"), onNode("a"))},
			pod:      makePod("p", "", "", rs), want: []int64{100, 100, 100}},
		{name: "same Service", nodes: nodes, services: []*corev1.Service{svc},
			existing: []*corev1.Pod{makePod("x", "", "", web, onNode("b")), makePod("y", "", "", withPodLabels("app", "db"), onNode("a"))},
			pod:      makePod("p", "", "", web), want: []int64{100, 0, 100}},
		{name: "controller and Service not counted twice", nodes: nodes, services: []*corev1.Service{svc},
			existing: []*corev1.Pod{makePod("x", "", "", web, rs, onNode("a")), makePod("y", "", "", web, onNode("b")), makePod("z", "", "", web, onNode("b"))},
			pod:      makePod("p", "", "", web, rs), want: []int64{50, 0, 100}},
	})
}

func TestSetServicesRecounts(t *testing.T) {
	s := NewSnapshot([]*corev1.Node{makeNode("a", "4", "4Gi")}, []*corev1.Pod{makePod("x", "", "", withPodLabels("app", "web"), onNode("a"))})
	svc := func(sel string) *corev1.Service {
		return &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "s", Namespace: "default"}, Spec: corev1.ServiceSpec{Selector: map[string]string{"app": sel}}}
	}
	key := serviceKey("default", "s")
	for _, step := range []struct {
		name     string
		services []*corev1.Service
		want     int32
	}{
		{"added", []*corev1.Service{svc("web")}, 1},
		{"unchanged", []*corev1.Service{svc("web")}, 1},
		{"selector changed", []*corev1.Service{svc("db")}, 0},
		{"selector back", []*corev1.Service{svc("web")}, 1},
		{"removed", nil, 0},
	} {
		s.SetServices(step.services)
		if got := peers(s, "a", key); got != step.want {
			t.Errorf("%s: pods counted for the Service = %d, want %d", step.name, got, step.want)
		}
	}
}

// peers is how many pods of group k node counts.
func peers(s *Snapshot, node string, k spreadKey) int32 {
	id, ok := s.spreadIDs.ids[k]
	if !ok {
		return 0
	}
	return s.nodes[node].spread[id]
}
