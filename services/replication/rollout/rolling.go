package rollout

import (
	"fmt"
	"slices"

	appsv1 "k8s.io/api/apps/v1"
)

// Scale is one replica set to resize.
type Scale struct {
	RS *appsv1.ReplicaSet
	To int32
}

// NewRSReplicas is the size the new replica set may have now: for a
// rolling update, as large as maxSurge over spec.replicas allows across
// all replica sets, never above spec.replicas; for Recreate, all of it.
func NewRSReplicas(d *appsv1.Deployment, all []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) (int32, error) {
	switch d.Spec.Strategy.Type {
	case appsv1.RollingUpdateDeploymentStrategyType:
		current := Sum(all, RSReplicas)
		maxTotal := Replicas(d) + MaxSurge(d)
		if current >= maxTotal {
			return RSReplicas(newRS), nil
		}
		return RSReplicas(newRS) + min(maxTotal-current, Replicas(d)-RSReplicas(newRS)), nil
	case appsv1.RecreateDeploymentStrategyType:
		return Replicas(d), nil
	}
	return 0, fmt.Errorf("deployment type %v isn't supported", d.Spec.Strategy.Type)
}

// OldScaleDowns plans how far the active old replica sets shrink in a
// rolling update: first their unavailable replicas, which costs no
// availability, then as many as availability above spec.replicas -
// maxUnavailable allows, oldest replica set first. Pods of the new replica
// set not yet available count against the budget, so a broken new
// template cannot eat the old replica sets.
func OldScaleDowns(d *appsv1.Deployment, all, oldActive []*appsv1.ReplicaSet, newRS *appsv1.ReplicaSet) []Scale {
	if Sum(oldActive, RSReplicas) == 0 {
		return nil
	}
	minAvailable := Replicas(d) - MaxUnavailable(d)
	newUnavailable := RSReplicas(newRS) - newRS.Status.AvailableReplicas
	maxScaledDown := Sum(all, RSReplicas) - minAvailable - newUnavailable
	if maxScaledDown <= 0 {
		return nil
	}
	olds := slices.Clone(oldActive)
	SortByCreation(olds)
	size := make([]int32, len(olds))
	for i, rs := range olds {
		size[i] = RSReplicas(rs)
	}
	dropUnavailable(olds, size, maxScaledDown)
	dropAvailable(olds, size, Sum(all, settledAvailable)-minAvailable)
	var out []Scale
	for i, rs := range olds {
		if size[i] != RSReplicas(rs) {
			out = append(out, Scale{RS: rs, To: size[i]})
		}
	}
	return out
}

// settledAvailable is the available pods a replica set will have once it
// reaches its size. Kubernetes counts status.availableReplicas alone; but
// a replica set just scaled down still reports the pods it is deleting,
// and counting those lets a second scale-down go below maxUnavailable.
func settledAvailable(rs *appsv1.ReplicaSet) int32 {
	return min(rs.Status.AvailableReplicas, RSReplicas(rs))
}

// dropUnavailable takes up to budget unavailable replicas off the sizes.
func dropUnavailable(olds []*appsv1.ReplicaSet, size []int32, budget int32) {
	for i, rs := range olds {
		if budget <= 0 {
			return
		}
		if n := min(budget, size[i]-rs.Status.AvailableReplicas); n > 0 {
			size[i] -= n
			budget -= n
		}
	}
}

// dropAvailable takes up to budget more replicas off the sizes.
func dropAvailable(olds []*appsv1.ReplicaSet, size []int32, budget int32) {
	for i := range olds {
		if budget <= 0 {
			return
		}
		n := min(budget, size[i])
		size[i] -= n
		budget -= n
	}
}
