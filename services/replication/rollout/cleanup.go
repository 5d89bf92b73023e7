package rollout

import (
	"slices"

	appsv1 "k8s.io/api/apps/v1"
)

// ToCleanup are the old replica sets beyond revisionHistoryLimit, lowest
// revision first, that can go: scaled to zero with no pods left and their
// latest spec observed.
func ToCleanup(d *appsv1.Deployment, olds []*appsv1.ReplicaSet) []*appsv1.ReplicaSet {
	if d.Spec.RevisionHistoryLimit == nil {
		return nil
	}
	var alive []*appsv1.ReplicaSet
	for _, rs := range olds {
		if rs != nil && rs.DeletionTimestamp == nil {
			alive = append(alive, rs)
		}
	}
	diff := len(alive) - int(*d.Spec.RevisionHistoryLimit)
	if diff <= 0 {
		return nil
	}
	alive = slices.Clone(alive)
	SortByRevision(alive)
	var out []*appsv1.ReplicaSet
	for _, rs := range alive[:diff] {
		if rs.Status.Replicas == 0 && RSReplicas(rs) == 0 && rs.Generation <= rs.Status.ObservedGeneration {
			out = append(out, rs)
		}
	}
	return out
}
