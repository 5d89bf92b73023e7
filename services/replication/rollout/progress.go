package rollout

import (
	"fmt"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// RolloutStatus is the status of a Deployment in a rollout: the computed
// status with the Progressing condition (NewReplicaSetAvailable once
// complete, ReplicaSetUpdated on progress, ProgressDeadlineExceeded when
// stuck too long) and any ReplicaFailure of its replica sets.
func RolloutStatus(all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet, d *appsv1.Deployment, now time.Time) appsv1.DeploymentStatus {
	st := CalculateStatus(all, newRS, d, now)
	if !HasProgressDeadline(d) {
		RemoveCondition(&st, appsv1.DeploymentProgressing)
	}
	cur := GetCondition(d.Status, appsv1.DeploymentProgressing)
	done := st.Replicas == st.UpdatedReplicas && cur != nil && cur.Reason == NewRSAvailableReason
	if HasProgressDeadline(d) && !done {
		progressCondition(&st, cur, newRS, d, now)
	}
	if c := replicaFailure(all, newRS); c != nil {
		SetCondition(&st, *c)
	} else {
		RemoveCondition(&st, appsv1.DeploymentReplicaFailure)
	}
	return st
}

func progressCondition(st *appsv1.DeploymentStatus, cur *appsv1.DeploymentCondition, newRS *appsv1.ReplicaSet, d *appsv1.Deployment, now time.Time) {
	subject := fmt.Sprintf("Deployment %q", d.Name)
	if newRS != nil {
		subject = fmt.Sprintf("ReplicaSet %q", newRS.Name)
	}
	switch {
	case Complete(d, st):
		SetCondition(st, NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, NewRSAvailableReason, subject+" has successfully progressed.", now))
	case Progressing(d, st):
		// Unlike other conditions, progress refreshes lastUpdateTime even
		// with the same reason: it is what the deadline counts from.
		c := NewCondition(appsv1.DeploymentProgressing, corev1.ConditionTrue, ReplicaSetUpdatedReason, subject+" is progressing.", now)
		if cur != nil && cur.Status == corev1.ConditionTrue {
			c.LastTransitionTime = cur.LastTransitionTime
		}
		RemoveCondition(st, appsv1.DeploymentProgressing)
		SetCondition(st, c)
	case TimedOut(d, st, now):
		SetCondition(st, NewCondition(appsv1.DeploymentProgressing, corev1.ConditionFalse, TimedOutReason, subject+" has timed out progressing.", now))
	}
}

// StuckRecheck is when to look at a Deployment again to catch its
// progress deadline passing without any event to wake it; 0 when no
// check is needed.
func StuckRecheck(d *appsv1.Deployment, st appsv1.DeploymentStatus, now time.Time) time.Duration {
	cur := GetCondition(d.Status, appsv1.DeploymentProgressing)
	if !HasProgressDeadline(d) || cur == nil || Complete(d, &st) || cur.Reason == TimedOutReason {
		return 0
	}
	after := cur.LastUpdateTime.Add(deadline(d)).Sub(now)
	if after < time.Second {
		return time.Second
	}
	return after + time.Second
}
