package printers

import (
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func namespacePrinter() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{nameColumn(), column("Status", "The status of the namespace"), ageColumn()},
		Cells: typed(func(ns *corev1.Namespace, now time.Time) []interface{} {
			return []interface{}{ns.Name, string(ns.Status.Phase), age(ns.CreationTimestamp, now)}
		}),
	}
}

func configMapPrinter() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{nameColumn(), column("Data", corev1.ConfigMap{}.SwaggerDoc()["data"]), ageColumn()},
		Cells: typed(func(cm *corev1.ConfigMap, now time.Time) []interface{} {
			return []interface{}{cm.Name, int64(len(cm.Data) + len(cm.BinaryData)), age(cm.CreationTimestamp, now)}
		}),
	}
}

func secretPrinter() Printer {
	doc := corev1.Secret{}.SwaggerDoc()
	return Printer{
		Columns: []metav1.TableColumnDefinition{nameColumn(), column("Type", doc["type"]), column("Data", doc["data"]), ageColumn()},
		Cells: typed(func(s *corev1.Secret, now time.Time) []interface{} {
			// Upstream converts to the internal type first, which merges
			// stringData into data, so it counts the union of both.
			return []interface{}{s.Name, string(s.Type), int64(secretKeys(s)), age(s.CreationTimestamp, now)}
		}),
	}
}

func secretKeys(s *corev1.Secret) int {
	n := len(s.Data)
	for k := range s.StringData {
		if _, dup := s.Data[k]; !dup {
			n++
		}
	}
	return n
}

// serviceAccountPrinter: since the token controller no longer creates
// secrets, upstream prints only Name and Age.
func serviceAccountPrinter() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{nameColumn(), ageColumn()},
		Cells: typed(func(sa *corev1.ServiceAccount, now time.Time) []interface{} {
			return []interface{}{sa.Name, age(sa.CreationTimestamp, now)}
		}),
	}
}

func leasePrinter() Printer {
	holder := coordinationv1.LeaseSpec{}.SwaggerDoc()["holderIdentity"]
	return Printer{
		Columns: []metav1.TableColumnDefinition{nameColumn(), column("Holder", holder), ageColumn()},
		Cells: typed(func(l *coordinationv1.Lease, now time.Time) []interface{} {
			holder := ""
			if l.Spec.HolderIdentity != nil {
				holder = *l.Spec.HolderIdentity
			}
			return []interface{}{l.Name, holder, age(l.CreationTimestamp, now)}
		}),
	}
}
