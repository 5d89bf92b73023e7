package printers

import (
	"fmt"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Default is the printer for resources without their own. It follows
// kube-apiserver's default table convertor (k8s.io/apiserver/pkg/registry/rest):
// "Name" (format name) and "Created At" (type date, RFC 3339 in UTC).
func Default() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			{Name: "Created At", Type: "date", Description: objectMetaDoc["creationTimestamp"]},
		},
		Cells: defaultCells,
	}
}

func defaultCells(obj runtime.Object, _ time.Time) ([]interface{}, error) {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil, fmt.Errorf("printers: %T has no object metadata: %w", obj, err)
	}
	created := m.GetCreationTimestamp().Time.UTC().Format(time.RFC3339)
	return []interface{}{m.GetName(), created}, nil
}
