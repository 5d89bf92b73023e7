package pods

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

var now = time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)

type podOpt func(*corev1.Pod)

func pod(name string, opts ...podOpt) *corev1.Pod {
	p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, UID: types.UID(name), CreationTimestamp: metav1.NewTime(now.Add(-time.Hour))}}
	p.Spec.NodeName = "node-a"
	p.Status.Phase = corev1.PodRunning
	for _, o := range opts {
		o(p)
	}
	return p
}

func node(n string) podOpt            { return func(p *corev1.Pod) { p.Spec.NodeName = n } }
func phase(ph corev1.PodPhase) podOpt { return func(p *corev1.Pod) { p.Status.Phase = ph } }
func created(ago time.Duration) podOpt {
	return func(p *corev1.Pod) { p.CreationTimestamp = metav1.NewTime(now.Add(-ago)) }
}
func cost(c string) podOpt {
	return func(p *corev1.Pod) { p.Annotations = map[string]string{DeletionCostAnnotation: c} }
}
func restarts(n int32) podOpt {
	return func(p *corev1.Pod) { p.Status.ContainerStatuses = []corev1.ContainerStatus{{RestartCount: n}} }
}
func readySince(ago time.Duration) podOpt {
	return func(p *corev1.Pod) {
		p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: metav1.NewTime(now.Add(-ago))}}
	}
}

func TestToDeletePicksCheapestFirst(t *testing.T) {
	tests := []struct {
		name string
		pods []*corev1.Pod
		want string
	}{
		{"unscheduled before scheduled", []*corev1.Pod{pod("a", readySince(time.Hour)), pod("b", node(""), phase(corev1.PodPending))}, "b"},
		{"pending before running", []*corev1.Pod{pod("a"), pod("b", phase(corev1.PodPending))}, "b"},
		{"unknown before running", []*corev1.Pod{pod("a"), pod("b", phase(corev1.PodUnknown))}, "b"},
		{"not ready before ready", []*corev1.Pod{pod("a", readySince(time.Hour)), pod("b")}, "b"},
		{"lower deletion cost first", []*corev1.Pod{pod("a", cost("10")), pod("b", cost("-5"))}, "b"},
		{"doubled up on a node first", []*corev1.Pod{pod("a", node("x")), pod("b", node("y")), pod("c", node("y"))}, "b|c"},
		{"ready more recently first", []*corev1.Pod{pod("a", readySince(10*time.Hour)), pod("b", readySince(time.Minute))}, "b"},
		{"more restarts first", []*corev1.Pod{pod("a", restarts(1)), pod("b", restarts(7))}, "b"},
		{"newest first", []*corev1.Pod{pod("a", created(10*time.Hour)), pod("b", created(time.Minute))}, "b"},
		{"zero creation time first", []*corev1.Pod{pod("a"), pod("b", func(p *corev1.Pod) { p.CreationTimestamp = metav1.Time{} })}, "b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, pods := range [][]*corev1.Pod{tt.pods, reversed(tt.pods)} {
				got := ToDelete(pods, pods, 1, now)
				if len(got) != 1 || !strings.Contains("|"+tt.want+"|", "|"+got[0].Name+"|") {
					t.Fatalf("deleted %v, want %s", names(got), tt.want)
				}
			}
		})
	}
}

func TestToDeleteSameAgeBucketTiesByUID(t *testing.T) {
	// 65 and 70 minutes old fall in the same power-of-two bucket of age.
	pods := []*corev1.Pod{pod("b", created(65*time.Minute)), pod("a", created(70*time.Minute))}
	if got := ToDelete(pods, pods, 1, now); got[0].Name != "a" {
		t.Fatalf("deleted %s, want a (lower UID within one age bucket)", got[0].Name)
	}
}

func TestToDeleteAllWhenNotFewer(t *testing.T) {
	pods := []*corev1.Pod{pod("a"), pod("b")}
	if got := ToDelete(pods, pods, 5, now); len(got) != 2 {
		t.Fatalf("got %d pods, want all 2", len(got))
	}
}

func TestIsAvailableWaitsMinReadySeconds(t *testing.T) {
	p := pod("a", readySince(5*time.Second))
	if !IsAvailable(p, 0, now) || !IsAvailable(p, 4, now) {
		t.Fatal("ready for 5s should be available with minReadySeconds 0 and 4")
	}
	if IsAvailable(p, 10, now) {
		t.Fatal("ready for 5s should not be available with minReadySeconds 10")
	}
	if IsAvailable(pod("b"), 0, now) {
		t.Fatal("a pod that is not ready is not available")
	}
}

func reversed(in []*corev1.Pod) []*corev1.Pod {
	out := make([]*corev1.Pod, len(in))
	for i, p := range in {
		out[len(in)-1-i] = p
	}
	return out
}

func names(ps []*corev1.Pod) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}
