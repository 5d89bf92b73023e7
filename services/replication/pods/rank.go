package pods

import (
	"sort"
	"strconv"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// DeletionCostAnnotation lets users say which pods to delete first.
const DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost"

// ToDelete picks n of pods to delete when scaling down, cheapest first, in
// kube-controller-manager's order (ActivePodsWithRanks). related are the
// pods of the same workload (e.g. all replica sets of one Deployment):
// pods doubled up on a node with more of them go first.
func ToDelete(pods, related []*corev1.Pod, n int, now time.Time) []*corev1.Pod {
	if n >= len(pods) {
		return pods
	}
	r := Ranked{Pods: append([]*corev1.Pod(nil), pods...), Now: now}
	r.Rank = colocation(r.Pods, related)
	sort.Sort(r)
	return r.Pods[:n]
}

// colocation counts, for each pod, the active related pods on its node.
func colocation(pods, related []*corev1.Pod) []int {
	onNode := map[string]int{}
	for _, p := range related {
		if IsActive(p) {
			onNode[p.Spec.NodeName]++
		}
	}
	ranks := make([]int, len(pods))
	for i, p := range pods {
		ranks[i] = onNode[p.Spec.NodeName]
	}
	return ranks
}

// Ranked sorts pods so that the ones to delete first come first.
type Ranked struct {
	Pods []*corev1.Pod
	Rank []int
	Now  time.Time
}

func (s Ranked) Len() int { return len(s.Pods) }

func (s Ranked) Swap(i, j int) {
	s.Pods[i], s.Pods[j] = s.Pods[j], s.Pods[i]
	s.Rank[i], s.Rank[j] = s.Rank[j], s.Rank[i]
}

// Less applies the criteria in order; the first that tells the pods apart
// decides.
func (s Ranked) Less(i, j int) bool {
	for _, c := range criteria {
		if less, decided := c(s, i, j); decided {
			return less
		}
	}
	return false
}

// criterion compares pods i and j; decided is false on a tie.
type criterion func(s Ranked, i, j int) (less, decided bool)

var criteria = []criterion{unassignedFirst, byPhase, notReadyFirst, byDeletionCost, doubledUpFirst, readyLatestFirst, byRestarts, newestFirst}

func unassignedFirst(s Ranked, i, j int) (bool, bool) {
	a, b := s.Pods[i].Spec.NodeName, s.Pods[j].Spec.NodeName
	return a == "", a != b && (a == "" || b == "")
}

var phaseOrder = map[corev1.PodPhase]int{corev1.PodPending: 0, corev1.PodUnknown: 1, corev1.PodRunning: 2}

func byPhase(s Ranked, i, j int) (bool, bool) {
	a, b := phaseOrder[s.Pods[i].Status.Phase], phaseOrder[s.Pods[j].Status.Phase]
	return a < b, a != b
}

func notReadyFirst(s Ranked, i, j int) (bool, bool) {
	a, b := IsReady(s.Pods[i]), IsReady(s.Pods[j])
	return !a, a != b
}

func byDeletionCost(s Ranked, i, j int) (bool, bool) {
	a, b := deletionCost(s.Pods[i]), deletionCost(s.Pods[j])
	return a < b, a != b
}

func deletionCost(p *corev1.Pod) int32 {
	v, err := strconv.ParseInt(p.Annotations[DeletionCostAnnotation], 10, 32)
	if err != nil {
		return 0
	}
	return int32(v)
}

func doubledUpFirst(s Ranked, i, j int) (bool, bool) {
	return s.Rank[i] > s.Rank[j], s.Rank[i] != s.Rank[j]
}
