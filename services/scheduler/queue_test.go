package scheduler

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func pending(name string, prio int32, created int64) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "ns", CreationTimestamp: metav1.NewTime(time.Unix(created, 0))},
		Spec: corev1.PodSpec{Priority: &prio}}
}

func TestQueueOrder(t *testing.T) {
	q := newQueue()
	for _, p := range []*corev1.Pod{pending("late-low", 0, 3), pending("early-low", 0, 1), pending("high", 10, 5), pending("gone", 0, 0)} {
		q.upsert(p)
	}
	q.remove(podKey{"ns", "gone"})
	q.park(pending("parked", 100, 0))
	var got []string
	for p := q.pop(); p != nil; p = q.pop() {
		got = append(got, p.Name)
	}
	want := []string{"high", "early-low", "late-low"}
	if len(got) != len(want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	q.moveAll()
	if p := q.pop(); p == nil || p.Name != "parked" {
		t.Fatalf("after moveAll got %v, want the parked pod", p)
	}
}
