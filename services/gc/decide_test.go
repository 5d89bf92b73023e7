package gc

import (
	"slices"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

func TestDecide(t *testing.T) {
	bg, fg := metav1.DeletePropagationBackground, metav1.DeletePropagationForeground
	cases := []struct {
		name          string
		owners        []owner
		hasDependents bool
		want          verdict
	}{
		{"no owners", nil, false, verdict{}},
		{"owner alive", []owner{{"a", solid}}, false, verdict{}},
		{"owner gone", []owner{{"a", dangling}}, false, verdict{remove: true, policy: bg}},
		{"all owners gone", []owner{{"a", dangling}, {"b", dangling}}, true, verdict{remove: true, policy: bg}},
		{"one of two gone", []owner{{"a", dangling}, {"b", solid}}, false, verdict{unlink: []types.UID{"a"}}},
		{"owner waits, no own dependents", []owner{{"a", waiting}}, false, verdict{remove: true, policy: bg}},
		{"owner waits, own dependents", []owner{{"a", waiting}}, true, verdict{remove: true, policy: fg}},
		{"waiting and alive owners", []owner{{"a", waiting}, {"b", solid}, {"c", dangling}}, true, verdict{unlink: []types.UID{"a", "c"}}},
	}
	for _, c := range cases {
		got := decide(c.owners, c.hasDependents)
		if got.remove != c.want.remove || got.policy != c.want.policy || !slices.Equal(got.unlink, c.want.unlink) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestGCFinalizer(t *testing.T) {
	now := metav1.Now()
	cases := []struct {
		deleting   bool
		finalizers []string
		want       string
	}{
		{false, []string{metav1.FinalizerOrphanDependents}, ""},
		{true, nil, ""},
		{true, []string{"example.com/x", metav1.FinalizerDeleteDependents}, metav1.FinalizerDeleteDependents},
		{true, []string{metav1.FinalizerDeleteDependents, metav1.FinalizerOrphanDependents}, metav1.FinalizerOrphanDependents},
	}
	for i, c := range cases {
		m := &metav1.ObjectMeta{Finalizers: c.finalizers}
		if c.deleting {
			m.DeletionTimestamp = &now
		}
		if got := gcFinalizer(m); got != c.want {
			t.Errorf("case %d: %q, want %q", i, got, c.want)
		}
	}
}

func TestGraph(t *testing.T) {
	g := newGraph()
	yes := true
	pod := keyOf(pods, "ns", "p")
	refs := []metav1.OwnerReference{{UID: "rs", BlockOwnerDeletion: &yes}, {UID: "other"}}
	g.link(pod, refs)
	if d := g.dependents("rs"); !d[pod] || len(d) != 1 {
		t.Fatalf("dependents of rs: %v", d)
	}
	if d := g.dependents("other"); d[pod] || len(d) != 1 {
		t.Fatalf("a non-blocking dependent of other: %v", d)
	}
	g.unlink(pod, refs[:1])
	if g.hasDependents("rs") || !g.hasDependents("other") {
		t.Fatal("unlink removed the wrong reference")
	}
	if gr, name := splitKey(keyOf(replicaSets, "ns", "web")); gr != "replicasets.apps" || name != "web" {
		t.Fatalf("splitKey: %s %s", gr, name)
	}
}
