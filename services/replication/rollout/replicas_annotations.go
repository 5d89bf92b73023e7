package rollout

import (
	"strconv"

	appsv1 "k8s.io/api/apps/v1"
)

// SetReplicasAnnotations records on rs the Deployment size (desired) and
// size with surge (max) it was scaled for, which proportional scaling
// reads back; it reports whether they changed.
func SetReplicasAnnotations(rs *appsv1.ReplicaSet, desired, maxReplicas int32) bool {
	if rs.Annotations == nil {
		rs.Annotations = map[string]string{}
	}
	changed := false
	for k, v := range map[string]int32{DesiredReplicasAnnotation: desired, MaxReplicasAnnotation: maxReplicas} {
		if s := strconv.Itoa(int(v)); rs.Annotations[k] != s {
			rs.Annotations[k] = s
			changed = true
		}
	}
	return changed
}

// ReplicasAnnotationsNeedUpdate reports whether SetReplicasAnnotations
// would change rs.
func ReplicasAnnotationsNeedUpdate(rs *appsv1.ReplicaSet, desired, maxReplicas int32) bool {
	return rs.Annotations[DesiredReplicasAnnotation] != strconv.Itoa(int(desired)) ||
		rs.Annotations[MaxReplicasAnnotation] != strconv.Itoa(int(maxReplicas))
}

// DesiredReplicas reads the desired-replicas annotation.
func DesiredReplicas(rs *appsv1.ReplicaSet) (int32, bool) {
	return intAnnotation(rs, DesiredReplicasAnnotation)
}

func maxReplicas(rs *appsv1.ReplicaSet) (int32, bool) {
	return intAnnotation(rs, MaxReplicasAnnotation)
}

func intAnnotation(rs *appsv1.ReplicaSet, key string) (int32, bool) {
	v, ok := rs.Annotations[key]
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 32)
	return int32(n), err == nil
}

// SetDeploymentRevision puts revision on the Deployment, for kubectl
// rollout status --revision; it reports whether it changed.
func SetDeploymentRevision(d *appsv1.Deployment, revision string) bool {
	if d.Annotations[RevisionAnnotation] == revision {
		return false
	}
	if d.Annotations == nil {
		d.Annotations = map[string]string{}
	}
	d.Annotations[RevisionAnnotation] = revision
	return true
}
