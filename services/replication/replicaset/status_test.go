package replicaset

import (
	"errors"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

var now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func workload(replicas, minReady int32, conds ...appsv1.ReplicaSetCondition) *Workload {
	rs := &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: "web", Generation: 4}}
	rs.Spec.Replicas = &replicas
	rs.Spec.MinReadySeconds = minReady
	rs.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{"app": "web"}}
	rs.Spec.Template.Labels = map[string]string{"app": "web", "tier": "front"}
	rs.Status.Conditions = conds
	w, _ := rsView(rs)
	return w
}

func testPod(fullyLabeled bool, readyFor time.Duration) *corev1.Pod {
	p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "web"}}}
	if fullyLabeled {
		p.Labels["tier"] = "front"
	}
	if readyFor >= 0 {
		p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: metav1.NewTime(now.Add(-readyFor))}}
	}
	return p
}

func TestCalculateStatusCounts(t *testing.T) {
	w := workload(4, 10)
	owned := []*corev1.Pod{testPod(true, time.Minute), testPod(true, 5*time.Second), testPod(false, -1), testPod(true, -1)}
	got := CalculateStatus(w, owned, nil, now)
	want := Status{Replicas: 4, FullyLabeledReplicas: 3, ReadyReplicas: 2, AvailableReplicas: 1, ObservedGeneration: 4}
	if got.Replicas != want.Replicas || got.FullyLabeledReplicas != want.FullyLabeledReplicas || got.ReadyReplicas != want.ReadyReplicas ||
		got.AvailableReplicas != want.AvailableReplicas || got.ObservedGeneration != want.ObservedGeneration || len(got.Conditions) != 0 {
		t.Fatalf("status = %+v, want %+v", got, want)
	}
}

func TestCalculateStatusFailureCondition(t *testing.T) {
	failing := appsv1.ReplicaSetCondition{Type: FailureCondition, Status: corev1.ConditionTrue, Reason: "FailedCreate", Message: "old"}
	tests := []struct {
		name       string
		w          *Workload
		owned      int
		err        error
		wantReason string // "" for no condition
		wantMsg    string
	}{
		{"create fails", workload(3, 0), 1, errors.New("quota"), "FailedCreate", "quota"},
		{"delete fails", workload(1, 0), 3, errors.New("boom"), "FailedDelete", "boom"},
		{"still failing keeps the first condition", workload(3, 0, failing), 1, errors.New("new"), "FailedCreate", "old"},
		{"success clears it", workload(3, 0, failing), 3, nil, "", ""},
		{"no failure, no condition", workload(3, 0), 3, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			owned := make([]*corev1.Pod, tt.owned)
			for i := range owned {
				owned[i] = testPod(true, -1)
			}
			st := CalculateStatus(tt.w, owned, tt.err, now)
			if tt.wantReason == "" {
				if len(st.Conditions) != 0 {
					t.Fatalf("conditions = %+v, want none", st.Conditions)
				}
				return
			}
			if len(st.Conditions) != 1 || st.Conditions[0].Reason != tt.wantReason || st.Conditions[0].Message != tt.wantMsg {
				t.Fatalf("conditions = %+v, want %s %q", st.Conditions, tt.wantReason, tt.wantMsg)
			}
		})
	}
}
