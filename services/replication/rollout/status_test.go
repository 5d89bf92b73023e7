package rollout

import (
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestCalculateStatus(t *testing.T) {
	d := deploy(10, "3", "2")
	old, newRS := rs("old", 5, 5, time.Hour, 1), rs("new", 7, 2, 0, 2)
	newRS.Status.Replicas = 6
	st := CalculateStatus([]*appsv1.ReplicaSet{old, newRS}, newRS, d, now)
	if st.Replicas != 11 || st.UpdatedReplicas != 6 || st.ReadyReplicas != 7 || st.AvailableReplicas != 7 || st.UnavailableReplicas != 5 || st.ObservedGeneration != 1 {
		t.Fatalf("status = %+v", st)
	}
	if c := GetCondition(st, appsv1.DeploymentAvailable); c == nil || c.Status != corev1.ConditionFalse || c.Reason != MinimumReplicasUnavailable {
		t.Fatalf("Available = %+v, want False/MinimumReplicasUnavailable (7 < 10-2)", c)
	}
	old.Status.AvailableReplicas = 6
	st = CalculateStatus([]*appsv1.ReplicaSet{old, newRS}, newRS, d, now)
	if c := GetCondition(st, appsv1.DeploymentAvailable); c.Status != corev1.ConditionTrue || c.Reason != MinimumReplicasAvailable {
		t.Fatalf("Available = %+v, want True/MinimumReplicasAvailable (8 >= 10-2)", c)
	}
}

func progressing(reason string, updated time.Time) appsv1.DeploymentCondition {
	c := NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, reason, "", updated)
	if reason == TimedOutReason {
		c.Status = corev1.ConditionFalse
	}
	return c
}

func TestRolloutStatusProgressing(t *testing.T) {
	tests := []struct {
		name       string
		prev       appsv1.DeploymentStatus
		newRS      *appsv1.ReplicaSet
		old        *appsv1.ReplicaSet
		wantReason string
	}{
		{"complete", appsv1.DeploymentStatus{Conditions: []appsv1.DeploymentCondition{progressing(NewRSReason, now)}},
			rs("new", 3, 3, 0, 2), rs("old", 0, 0, time.Hour, 1), NewRSAvailableReason},
		{"progress made", appsv1.DeploymentStatus{Replicas: 4, UpdatedReplicas: 1, Conditions: []appsv1.DeploymentCondition{progressing(NewRSReason, now)}},
			rs("new", 2, 0, 0, 2), rs("old", 2, 2, time.Hour, 1), ReplicaSetUpdatedReason},
		{"no progress past the deadline", appsv1.DeploymentStatus{Replicas: 4, UpdatedReplicas: 2, ReadyReplicas: 2, AvailableReplicas: 2, Conditions: []appsv1.DeploymentCondition{progressing(ReplicaSetUpdatedReason, now.Add(-11*time.Minute))}},
			rs("new", 2, 0, 0, 2), rs("old", 2, 2, time.Hour, 1), TimedOutReason},
		{"no progress within the deadline", appsv1.DeploymentStatus{Replicas: 4, UpdatedReplicas: 2, ReadyReplicas: 2, AvailableReplicas: 2, Conditions: []appsv1.DeploymentCondition{progressing(ReplicaSetUpdatedReason, now.Add(-time.Minute))}},
			rs("new", 2, 0, 0, 2), rs("old", 2, 2, time.Hour, 1), ReplicaSetUpdatedReason},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := deploy(3, "1", "0")
			d.Status = tt.prev
			st := RolloutStatus([]*appsv1.ReplicaSet{tt.old, tt.newRS}, tt.newRS, d, now)
			if c := GetCondition(st, appsv1.DeploymentProgressing); c == nil || c.Reason != tt.wantReason {
				t.Fatalf("Progressing = %+v, want reason %s", c, tt.wantReason)
			}
		})
	}
}

func TestStuckRecheck(t *testing.T) {
	d := deploy(3, "1", "0")
	d.Status.Conditions = []appsv1.DeploymentCondition{progressing(ReplicaSetUpdatedReason, now.Add(-time.Minute))}
	if got := StuckRecheck(d, appsv1.DeploymentStatus{}, now); got != 9*time.Minute+time.Second {
		t.Fatalf("recheck in %v, want 9m1s (deadline 10m, last progress 1m ago)", got)
	}
	d.Status.Conditions[0].Reason = TimedOutReason
	if got := StuckRecheck(d, appsv1.DeploymentStatus{}, now); got != 0 {
		t.Fatalf("timed out: recheck in %v, want none", got)
	}
}

func TestSetConditionKeepsTransitionTime(t *testing.T) {
	st := appsv1.DeploymentStatus{}
	SetCondition(&st, NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, NewRSReason, "", now))
	SetCondition(&st, NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, ReplicaSetUpdatedReason, "", now.Add(time.Minute)))
	c := GetCondition(st, appsv1.DeploymentProgressing)
	if c.Reason != ReplicaSetUpdatedReason || !c.LastTransitionTime.Equal(&metav1.Time{Time: now}) || len(st.Conditions) != 1 {
		t.Fatalf("condition = %+v", c)
	}
}
