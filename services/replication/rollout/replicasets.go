package rollout

import (
	"cmp"
	"slices"

	appsv1 "k8s.io/api/apps/v1"
)

// RSReplicas is spec.replicas of a replica set (0 for nil).
func RSReplicas(rs *appsv1.ReplicaSet) int32 {
	if rs == nil || rs.Spec.Replicas == nil {
		return 0
	}
	return *rs.Spec.Replicas
}

// FindNew is the replica set running d's template; the oldest one if
// several do.
func FindNew(d *appsv1.Deployment, rss []*appsv1.ReplicaSet) *appsv1.ReplicaSet {
	sorted := slices.Clone(rss)
	SortByCreation(sorted)
	for _, rs := range sorted {
		if EqualIgnoreHash(&rs.Spec.Template, &d.Spec.Template) {
			return rs
		}
	}
	return nil
}

// FindOld returns the replica sets other than the new one: those still
// with replicas, and all of them.
func FindOld(d *appsv1.Deployment, rss []*appsv1.ReplicaSet) (withReplicas, all []*appsv1.ReplicaSet) {
	newRS := FindNew(d, rss)
	for _, rs := range rss {
		if newRS != nil && rs.UID == newRS.UID {
			continue
		}
		all = append(all, rs)
		if RSReplicas(rs) != 0 {
			withReplicas = append(withReplicas, rs)
		}
	}
	return withReplicas, all
}

// FilterActive keeps the replica sets that want pods.
func FilterActive(rss []*appsv1.ReplicaSet) []*appsv1.ReplicaSet {
	var out []*appsv1.ReplicaSet
	for _, rs := range rss {
		if RSReplicas(rs) > 0 {
			out = append(out, rs)
		}
	}
	return out
}

// Sum adds up one number over replica sets, skipping nil ones.
func Sum(rss []*appsv1.ReplicaSet, of func(*appsv1.ReplicaSet) int32) int32 {
	var n int32
	for _, rs := range rss {
		if rs != nil {
			n += of(rs)
		}
	}
	return n
}

// The numbers Sum adds up: current, ready and available pods (and
// RSReplicas for the desired ones).
func statusReplicas(rs *appsv1.ReplicaSet) int32 { return rs.Status.Replicas }
func readyReplicas(rs *appsv1.ReplicaSet) int32  { return rs.Status.ReadyReplicas }
func availReplicas(rs *appsv1.ReplicaSet) int32  { return rs.Status.AvailableReplicas }

// SortByCreation orders oldest first, ties by name.
func SortByCreation(rss []*appsv1.ReplicaSet) { slices.SortStableFunc(rss, byCreation) }

func byCreation(a, b *appsv1.ReplicaSet) int {
	if a.CreationTimestamp.Equal(&b.CreationTimestamp) {
		return cmp.Compare(a.Name, b.Name)
	}
	return a.CreationTimestamp.Compare(b.CreationTimestamp.Time)
}

// SortBySize orders largest first; among equals, newer first when
// scaling up and older first when scaling down.
func SortBySize(rss []*appsv1.ReplicaSet, newerFirst bool) {
	slices.SortStableFunc(rss, func(a, b *appsv1.ReplicaSet) int {
		if c := cmp.Compare(RSReplicas(b), RSReplicas(a)); c != 0 {
			return c
		}
		if newerFirst {
			return byCreation(b, a)
		}
		return byCreation(a, b)
	})
}

// SortByRevision orders lowest revision first.
func SortByRevision(rss []*appsv1.ReplicaSet) {
	slices.SortStableFunc(rss, func(a, b *appsv1.ReplicaSet) int {
		if c := cmp.Compare(Revision(a), Revision(b)); c != 0 {
			return c
		}
		return byCreation(a, b)
	})
}
