package rollout

import (
	"maps"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
)

// scaledFor marks rs as last scaled for a Deployment of max pods.
func scaledFor(r *appsv1.ReplicaSet, desired, maxPods int32) *appsv1.ReplicaSet {
	SetReplicasAnnotations(r, desired, maxPods)
	return r
}

func TestProportional(t *testing.T) {
	tests := []struct {
		name string
		d    *appsv1.Deployment
		rss  []*appsv1.ReplicaSet
		want map[string]int32
	}{
		{"scale up 10 to 20 mid-rollout keeps the ratio", deploy(20, "3", "2"),
			[]*appsv1.ReplicaSet{scaledFor(rs("old", 8, 8, time.Hour, 1), 10, 13), scaledFor(rs("new", 5, 0, 0, 2), 10, 13)},
			map[string]int32{"old": 14, "new": 9}},
		{"scale down 20 to 10", deploy(10, "3", "2"),
			[]*appsv1.ReplicaSet{scaledFor(rs("old", 14, 14, time.Hour, 1), 20, 23), scaledFor(rs("new", 9, 0, 0, 2), 20, 23)},
			map[string]int32{"old": 8, "new": 5}},
		{"scale to zero empties all", deploy(0, "3", "2"),
			[]*appsv1.ReplicaSet{scaledFor(rs("old", 8, 8, time.Hour, 1), 10, 13), scaledFor(rs("new", 5, 0, 0, 2), 10, 13)},
			map[string]int32{"old": 0, "new": 0}},
		{"leftover goes to the largest", deploy(11, "0", "1"),
			[]*appsv1.ReplicaSet{scaledFor(rs("a", 5, 5, time.Hour, 1), 10, 10), scaledFor(rs("b", 5, 0, 0, 2), 10, 10)},
			map[string]int32{"a": 5, "b": 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sizes(Proportional(tt.d, tt.rss))
			if !maps.Equal(got, tt.want) {
				t.Fatalf("sizes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFindActiveOrLatest(t *testing.T) {
	old, older := rs("old", 0, 0, time.Hour, 2), rs("older", 0, 0, 2*time.Hour, 1)
	if got := FindActiveOrLatest(nil, []*appsv1.ReplicaSet{older, old}); got != old {
		t.Fatalf("no active set: got %v, want the newest old one", got.Name)
	}
	newRS := rs("new", 0, 0, 0, 3)
	if got := FindActiveOrLatest(newRS, []*appsv1.ReplicaSet{older, old}); got != newRS {
		t.Fatalf("no active set: got %v, want the new one", got.Name)
	}
	active := rs("active", 3, 3, time.Hour, 2)
	if got := FindActiveOrLatest(newRS, []*appsv1.ReplicaSet{older, active}); got != active {
		t.Fatalf("one active set: got %v", got.Name)
	}
	if got := FindActiveOrLatest(rs("n", 1, 0, 0, 3), []*appsv1.ReplicaSet{active}); got != nil {
		t.Fatalf("two active sets: got %v, want nil", got.Name)
	}
}
