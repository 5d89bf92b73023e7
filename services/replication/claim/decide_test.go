package claim

import (
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
)

func TestDecide(t *testing.T) {
	now := metav1.Now()
	owner := &metav1.ObjectMeta{Name: "web", Namespace: "ns", UID: "owner"}
	deleting := &metav1.ObjectMeta{Name: "web", Namespace: "ns", UID: "owner", DeletionTimestamp: &now}
	sel := labels.SelectorFromSet(labels.Set{"app": "web"})
	ref := func(uid types.UID) []metav1.OwnerReference {
		return []metav1.OwnerReference{{Kind: "ReplicaSet", Name: "x", UID: uid, Controller: new(true)}}
	}
	obj := func(lbl string, refs []metav1.OwnerReference, mut ...func(*metav1.ObjectMeta)) *metav1.ObjectMeta {
		m := &metav1.ObjectMeta{Name: "p", Namespace: "ns", Labels: map[string]string{"app": lbl}, OwnerReferences: refs}
		for _, f := range mut {
			f(m)
		}
		return m
	}
	tests := []struct {
		name  string
		owner *metav1.ObjectMeta
		obj   *metav1.ObjectMeta
		want  Action
	}{
		{"ours and selected", owner, obj("web", ref("owner")), Keep},
		{"ours, selected, owner deleting", deleting, obj("web", ref("owner")), Keep},
		{"ours, no longer selected", owner, obj("db", ref("owner")), Release},
		{"ours, not selected, owner deleting", deleting, obj("db", ref("owner")), Ignore},
		{"another controller's", owner, obj("web", ref("other")), Ignore},
		{"orphan selected", owner, obj("web", nil), Adopt},
		{"orphan with a non-controller owner", owner, obj("web", []metav1.OwnerReference{{UID: "x"}}), Adopt},
		{"orphan not selected", owner, obj("db", nil), Ignore},
		{"orphan, owner deleting", deleting, obj("web", nil), Ignore},
		{"orphan being deleted", owner, obj("web", nil, func(m *metav1.ObjectMeta) { m.DeletionTimestamp = &now }), Ignore},
		{"orphan in another namespace", owner, obj("web", nil, func(m *metav1.ObjectMeta) { m.Namespace = "other" }), Ignore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(tt.owner, sel, tt.obj); got != tt.want {
				t.Fatalf("Decide = %v, want %v", got, tt.want)
			}
		})
	}
}
