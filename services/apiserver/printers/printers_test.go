package printers

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestColumnsShape(t *testing.T) {
	for gr, p := range registry {
		t.Run(gr.String(), func(t *testing.T) {
			nameAt := 0
			if gr == (schema.GroupResource{Resource: "events"}) {
				nameAt = len(p.Columns) - 1
			}
			if c := p.Columns[nameAt]; c.Name != "Name" || c.Format != "name" {
				t.Errorf("column %d = %+v, want Name with format name", nameAt, c)
			}
			for _, c := range p.Columns {
				if c.Description == "" || c.Type == "" {
					t.Errorf("column %q lacks type or description", c.Name)
				}
			}
		})
	}
}

func TestForUnknownAndCopies(t *testing.T) {
	if _, ok := For(schema.GroupResource{Group: "rbac.authorization.k8s.io", Resource: "roles"}); ok {
		t.Error("roles: want no printer")
	}
	p, _ := For(schema.GroupResource{Resource: "pods"})
	p.Columns[0].Name = "mutated"
	if q, _ := For(schema.GroupResource{Resource: "pods"}); q.Columns[0].Name != "Name" {
		t.Error("For must return a copy of the columns")
	}
}

func TestWrongType(t *testing.T) {
	p, _ := For(schema.GroupResource{Resource: "pods"})
	if _, err := p.Cells(&corev1.Node{}, now); err == nil || !strings.Contains(err.Error(), "*v1.Pod") {
		t.Errorf("want type error, got %v", err)
	}
	if _, err := p.Cells((*corev1.Pod)(nil), now); err == nil {
		t.Error("want error for nil pod")
	}
}

func TestDefault(t *testing.T) {
	p := Default()
	if got := p.Columns; len(got) != 2 || got[0].Format != "name" || got[1].Name != "Created At" || got[1].Type != "date" {
		t.Fatalf("columns = %+v", got)
	}
	role := &rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{
		Name:              "view",
		CreationTimestamp: metav1.NewTime(time.Date(2025, 1, 2, 4, 5, 6, 0, time.FixedZone("X", 3600))),
	}}
	checkCells(t, p, role, []interface{}{"view", "2025-01-02T03:05:06Z"})
	if _, err := p.Cells(&metav1.Status{}, now); err == nil {
		t.Error("want error for an object without metadata")
	}
}

func TestAge(t *testing.T) {
	tests := []struct {
		ts   metav1.Time
		want string
	}{
		{metav1.Time{}, "<unknown>"},
		{ago(5 * time.Second), "5s"},
		{ago(3*time.Minute + 2*time.Second), "3m2s"},
		{ago(2*time.Hour + 30*time.Minute), "150m"},
		{ago(10 * 24 * time.Hour), "10d"},
	}
	for _, tc := range tests {
		if got := age(tc.ts, now); got != tc.want {
			t.Errorf("age(%v) = %q, want %q", tc.ts, got, tc.want)
		}
	}
}
