package rollout

import (
	"math"
	"slices"

	appsv1 "k8s.io/api/apps/v1"
)

// FindActiveOrLatest is the one replica set to give a resized Deployment
// all its replicas to: the only active one, or the newest if none is
// active; nil if several are active.
func FindActiveOrLatest(newRS *appsv1.ReplicaSet, olds []*appsv1.ReplicaSet) *appsv1.ReplicaSet {
	if newRS == nil && len(olds) == 0 {
		return nil
	}
	sorted := slices.Clone(olds)
	SortByCreation(sorted)
	slices.Reverse(sorted)
	active := FilterActive(append(sorted, newRS))
	switch {
	case len(active) == 1:
		return active[0]
	case len(active) > 1:
		return nil
	case newRS != nil:
		return newRS
	}
	return sorted[0]
}

// IsSaturated reports whether the new replica set has all of d's replicas,
// all available.
func IsSaturated(d *appsv1.Deployment, rs *appsv1.ReplicaSet) bool {
	if rs == nil {
		return false
	}
	desired, ok := DesiredReplicas(rs)
	return ok && RSReplicas(rs) == Replicas(d) && desired == Replicas(d) && rs.Status.AvailableReplicas == Replicas(d)
}

// Proportional spreads a resize of a rolling Deployment over its active
// replica sets in proportion to their sizes, so a scale in mid-rollout
// keeps the rollout's ratio. Leftovers go to the largest replica set.
func Proportional(d *appsv1.Deployment, active []*appsv1.ReplicaSet) []Scale {
	allowed := int32(0)
	if Replicas(d) > 0 {
		allowed = Replicas(d) + MaxSurge(d)
	}
	toAdd := allowed - Sum(active, RSReplicas)
	rss := slices.Clone(active)
	SortBySize(rss, toAdd > 0)
	out := make([]Scale, len(rss))
	var added int32
	for i, rs := range rss {
		p := proportion(d, rs, toAdd, added)
		out[i] = Scale{RS: rs, To: RSReplicas(rs) + p}
		added += p
	}
	if len(out) > 0 && toAdd != 0 {
		out[0].To = max(0, out[0].To+toAdd-added)
	}
	return out
}

// proportion is rs's share of toAdd, bounded by what is left to add.
func proportion(d *appsv1.Deployment, rs *appsv1.ReplicaSet, toAdd, added int32) int32 {
	if RSReplicas(rs) == 0 || toAdd == 0 || toAdd == added {
		return 0
	}
	frac, left := fraction(d, rs), toAdd-added
	if toAdd > 0 {
		return min(frac, left)
	}
	return max(frac, left)
}

// fraction is how much rs grows or shrinks if scaled from the Deployment
// size it was last scaled for (its max-replicas annotation) to the new one.
func fraction(d *appsv1.Deployment, rs *appsv1.ReplicaSet) int32 {
	if Replicas(d) == 0 {
		return -RSReplicas(rs)
	}
	before, ok := maxReplicas(rs)
	if !ok || before == 0 {
		if before = d.Status.Replicas; before == 0 {
			return 0
		}
	}
	scaled := float64(RSReplicas(rs)*(Replicas(d)+MaxSurge(d))) / float64(before)
	return int32(math.Floor(scaled+0.5)) - RSReplicas(rs)
}
