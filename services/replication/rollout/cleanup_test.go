package rollout

import (
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
)

func TestToCleanup(t *testing.T) {
	d := deploy(3, "1", "0")
	d.Spec.RevisionHistoryLimit = new(int32(2))
	stillRunning := rs("r2", 1, 1, 4*time.Hour, 2)
	olds := []*appsv1.ReplicaSet{rs("r3", 0, 0, 3*time.Hour, 3), stillRunning, rs("r1", 0, 0, 5*time.Hour, 1), rs("r4", 0, 0, 2*time.Hour, 4), rs("r5", 0, 0, time.Hour, 5)}
	got := ToCleanup(d, olds)
	if len(got) != 2 || got[0].Name != "r1" || got[1].Name != "r3" {
		t.Fatalf("cleanup %v, want r1 and r3 (r2 still has pods; r4, r5 are kept history)", namesOf(got))
	}
	d.Spec.RevisionHistoryLimit = nil
	if got := ToCleanup(d, olds); len(got) != 0 {
		t.Fatalf("no limit: cleanup %v, want none", namesOf(got))
	}
}

func namesOf(rss []*appsv1.ReplicaSet) []string {
	var out []string
	for _, r := range rss {
		out = append(out, r.Name)
	}
	return out
}
