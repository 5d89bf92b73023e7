package printers

import (
	"reflect"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// now is the fixed clock all rows are printed against.
var now = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)

func ago(d time.Duration) metav1.Time { return metav1.NewTime(now.Add(-d)) }

func agoPtr(d time.Duration) *metav1.Time {
	t := ago(d)
	return &t
}

// objMeta is metadata of an object created d ago.
func objMeta(name string, d time.Duration) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: "default", CreationTimestamp: ago(d)}
}

func ptr[T any](v T) *T { return &v }

type rowCase struct {
	name string
	obj  runtime.Object
	want []interface{}
}

// checkRows prints each case with the printer of gr and compares the cells.
func checkRows(t *testing.T, gr schema.GroupResource, cases []rowCase) {
	t.Helper()
	p, ok := For(gr)
	if !ok {
		t.Fatalf("For(%v): no printer", gr)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkCells(t, p, tc.obj, tc.want)
		})
	}
}

func checkCells(t *testing.T, p Printer, obj runtime.Object, want []interface{}) {
	t.Helper()
	got, err := p.Cells(obj, now)
	if err != nil {
		t.Fatalf("Cells: %v", err)
	}
	if len(got) != len(p.Columns) {
		t.Fatalf("got %d cells for %d columns: %#v", len(got), len(p.Columns), got)
	}
	for i := range want {
		if i < len(got) && !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("column %q: got %#v, want %#v", p.Columns[i].Name, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d cells, want %d: %#v", len(got), len(want), got)
	}
}
