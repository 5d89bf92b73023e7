package rollout

import (
	"math"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// CalculateStatus is the Deployment status its replica sets add up to,
// with the Available condition: at least spec.replicas - maxUnavailable
// pods available.
func CalculateStatus(all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet, d *appsv1.Deployment, now time.Time) appsv1.DeploymentStatus {
	available := Sum(all, availReplicas)
	st := appsv1.DeploymentStatus{
		ObservedGeneration:  d.Generation,
		Replicas:            Sum(all, statusReplicas),
		UpdatedReplicas:     Sum([]*appsv1.ReplicaSet{newRS}, statusReplicas),
		ReadyReplicas:       Sum(all, readyReplicas),
		AvailableReplicas:   available,
		UnavailableReplicas: max(0, Sum(all, RSReplicas)-available),
		CollisionCount:      d.Status.CollisionCount,
		Conditions:          append([]appsv1.DeploymentCondition(nil), d.Status.Conditions...),
	}
	if available >= Replicas(d)-MaxUnavailable(d) {
		SetCondition(&st, NewCondition(appsv1.DeploymentAvailable, corev1.ConditionTrue, MinimumReplicasAvailable, "Deployment has minimum availability.", now))
	} else {
		SetCondition(&st, NewCondition(appsv1.DeploymentAvailable, corev1.ConditionFalse, MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now))
	}
	return st
}

// HasProgressDeadline reports whether d's progress is tracked.
func HasProgressDeadline(d *appsv1.Deployment) bool {
	return d.Spec.ProgressDeadlineSeconds != nil && *d.Spec.ProgressDeadlineSeconds != math.MaxInt32
}

// Complete reports whether st shows every replica updated and available
// for d's current generation.
func Complete(d *appsv1.Deployment, st *appsv1.DeploymentStatus) bool {
	n := Replicas(d)
	return st.UpdatedReplicas == n && st.Replicas == n && st.AvailableReplicas == n && st.ObservedGeneration >= d.Generation
}

// Progressing reports whether st moved forward from d's last status: more
// updated, ready or available pods, or fewer old ones.
func Progressing(d *appsv1.Deployment, st *appsv1.DeploymentStatus) bool {
	old := d.Status
	return st.UpdatedReplicas > old.UpdatedReplicas ||
		st.Replicas-st.UpdatedReplicas < old.Replicas-old.UpdatedReplicas ||
		st.ReadyReplicas > old.ReadyReplicas || st.AvailableReplicas > old.AvailableReplicas
}

// TimedOut reports whether d made no progress for progressDeadlineSeconds
// since its Progressing condition last changed.
func TimedOut(d *appsv1.Deployment, st *appsv1.DeploymentStatus, now time.Time) bool {
	c := GetCondition(*st, appsv1.DeploymentProgressing)
	if !HasProgressDeadline(d) || c == nil || c.Reason == NewRSAvailableReason {
		return false
	}
	if c.Reason == TimedOutReason {
		return true
	}
	return c.LastUpdateTime.Add(deadline(d)).Before(now)
}

func deadline(d *appsv1.Deployment) time.Duration {
	return time.Duration(*d.Spec.ProgressDeadlineSeconds) * time.Second
}
