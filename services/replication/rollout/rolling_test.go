package rollout

import (
	"maps"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
)

func TestNewRSReplicas(t *testing.T) {
	tests := []struct {
		name string
		d    *appsv1.Deployment
		old  int32 // replicas of the old replica set
		new  int32
		want int32
	}{
		{"fresh deployment scales up all at once", deploy(10, "25%", "25%"), 0, 0, 10},
		{"rollout starts with the surge", deploy(10, "25%", "25%"), 10, 0, 3},
		{"surge used up", deploy(10, "25%", "25%"), 10, 3, 3},
		{"room after old scaled down", deploy(10, "25%", "25%"), 5, 3, 8},
		{"never above replicas", deploy(10, "25%", "25%"), 0, 8, 10},
		{"zero surge waits for scale down", deploy(3, "0", "1"), 3, 0, 0},
		{"recreate takes all", recreate(4), 0, 0, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newRS := rs("new", tt.new, 0, 0, 2)
			all := []*appsv1.ReplicaSet{rs("old", tt.old, tt.old, time.Hour, 1), newRS}
			got, err := NewRSReplicas(tt.d, all, newRS)
			if err != nil || got != tt.want {
				t.Fatalf("NewRSReplicas = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestOldScaleDowns(t *testing.T) {
	tests := []struct {
		name string
		d    *appsv1.Deployment
		olds []*appsv1.ReplicaSet
		new  *appsv1.ReplicaSet
		want map[string]int32
	}{
		{"new pods not yet available: hold", deploy(10, "3", "2"), []*appsv1.ReplicaSet{rs("old", 10, 10, time.Hour, 1)}, rs("new", 3, 0, 0, 2),
			map[string]int32{"old": 8}},
		{"new pods available: scale old down by them", deploy(10, "3", "2"), []*appsv1.ReplicaSet{rs("old", 8, 8, time.Hour, 1)}, rs("new", 5, 5, 0, 2),
			map[string]int32{"old": 3}},
		{"at minimum availability: nothing", deploy(10, "3", "2"), []*appsv1.ReplicaSet{rs("old", 8, 8, time.Hour, 1)}, rs("new", 5, 0, 0, 2),
			map[string]int32{}},
		{"unhealthy old replicas go first, within the budget", deploy(10, "0", "1"),
			[]*appsv1.ReplicaSet{rs("older", 4, 2, 2*time.Hour, 1), rs("old", 6, 6, time.Hour, 2)}, rs("new", 0, 0, 0, 3),
			map[string]int32{"older": 3}},
		{"unhealthy first, then available ones, oldest set first", deploy(10, "3", "2"),
			[]*appsv1.ReplicaSet{rs("old", 6, 6, time.Hour, 2), rs("older", 4, 2, 2*time.Hour, 1)}, rs("new", 3, 3, 0, 3),
			map[string]int32{"older": 0, "old": 5}},
		{"crashlooping new set blocks further scale down", deploy(10, "3", "2"),
			[]*appsv1.ReplicaSet{rs("old", 8, 7, time.Hour, 1)}, rs("new", 5, 0, 0, 2),
			map[string]int32{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := append(append([]*appsv1.ReplicaSet(nil), tt.olds...), tt.new)
			got := sizes(OldScaleDowns(tt.d, all, FilterActive(tt.olds), tt.new))
			if !maps.Equal(got, tt.want) {
				t.Fatalf("scale downs = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOldScaleDownsIgnoresPodsBeingDeleted(t *testing.T) {
	// Scaled from 6 to 4 a moment ago, the old set still reports 6
	// available: only 4 of them count, so with 1 new pod available one
	// more old pod may go, not three.
	d := deploy(6, "1", "2")
	old, newRS := rs("old", 4, 4, time.Hour, 1), rs("new", 3, 1, 0, 2)
	old.Status.AvailableReplicas = 6
	all := []*appsv1.ReplicaSet{old, newRS}
	if got := sizes(OldScaleDowns(d, all, all[:1], newRS)); !maps.Equal(got, map[string]int32{"old": 3}) {
		t.Fatalf("scale downs = %v, want old to 3 (4 + 1 available, at least 4 must stay)", got)
	}
}
