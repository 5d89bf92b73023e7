// Package printers renders Kubernetes objects as server-side Table rows,
// with the same columns and cell formatting kube-apiserver uses
// (pkg/printers/internalversion). The apiserver always prints "wide", so a
// row carries one cell per column, priority-1 columns included.
package printers

import (
	"fmt"
	"slices"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Printer knows a resource's table columns and how to fill one row.
type Printer struct {
	Columns []metav1.TableColumnDefinition
	Cells   func(obj runtime.Object, now time.Time) ([]interface{}, error)
}

var registry = map[schema.GroupResource]Printer{
	{Group: "", Resource: "pods"}:                           podPrinter(),
	{Group: "", Resource: "nodes"}:                          nodePrinter(),
	{Group: "", Resource: "services"}:                       servicePrinter(),
	{Group: "", Resource: "endpoints"}:                      endpointsPrinter(),
	{Group: "", Resource: "namespaces"}:                     namespacePrinter(),
	{Group: "", Resource: "configmaps"}:                     configMapPrinter(),
	{Group: "", Resource: "secrets"}:                        secretPrinter(),
	{Group: "", Resource: "serviceaccounts"}:                serviceAccountPrinter(),
	{Group: "", Resource: "events"}:                         eventPrinter(),
	{Group: "", Resource: "replicationcontrollers"}:         replicationControllerPrinter(),
	{Group: "apps", Resource: "replicasets"}:                replicaSetPrinter(),
	{Group: "apps", Resource: "deployments"}:                deploymentPrinter(),
	{Group: "coordination.k8s.io", Resource: "leases"}:      leasePrinter(),
	{Group: "discovery.k8s.io", Resource: "endpointslices"}: endpointSlicePrinter(),
}

// For returns the printer of a group-resource (e.g. {Group:"", Resource:"pods"});
// ok is false if the resource has no printer of its own.
func For(gr schema.GroupResource) (Printer, bool) {
	p, ok := registry[gr]
	if !ok {
		return Printer{}, false
	}
	p.Columns = slices.Clone(p.Columns)
	return p, true
}

// typed adapts a printer function over one concrete type to Printer.Cells.
func typed[T any, P interface {
	*T
	runtime.Object
}](fn func(obj *T, now time.Time) []interface{}) func(runtime.Object, time.Time) ([]interface{}, error) {
	return func(obj runtime.Object, now time.Time) ([]interface{}, error) {
		p, ok := obj.(P)
		if !ok || (*T)(p) == nil {
			return nil, fmt.Errorf("printers: expected %T, got %T", P(nil), obj)
		}
		return fn((*T)(p), now), nil
	}
}
