package printers

import (
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	extensionsv1beta1 "k8s.io/api/extensions/v1beta1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// replicaColumns are the columns shared by replication controllers and
// replica sets; specDoc and statusDoc describe replicas and selector.
func replicaColumns(specDoc, statusDoc map[string]string) []metav1.TableColumnDefinition {
	return []metav1.TableColumnDefinition{
		nameColumn(),
		intColumn("Desired", specDoc["replicas"]),
		intColumn("Current", statusDoc["replicas"]),
		intColumn("Ready", statusDoc["readyReplicas"]),
		ageColumn(),
		wide(column("Containers", "Names of each container in the template.")),
		wide(column("Images", "Images referenced by each container in the template.")),
		wide(column("Selector", specDoc["selector"])),
	}
}

func replicationControllerPrinter() Printer {
	return Printer{
		Columns: replicaColumns(corev1.ReplicationControllerSpec{}.SwaggerDoc(), corev1.ReplicationControllerStatus{}.SwaggerDoc()),
		Cells:   typed(replicationControllerCells),
	}
}

func replicationControllerCells(rc *corev1.ReplicationController, now time.Time) []interface{} {
	var containers []corev1.Container
	if rc.Spec.Template != nil {
		containers = rc.Spec.Template.Spec.Containers
	}
	names, images := containerCells(containers)
	return []interface{}{
		rc.Name,
		int64(deref(rc.Spec.Replicas)),
		int64(rc.Status.Replicas),
		int64(rc.Status.ReadyReplicas),
		age(rc.CreationTimestamp, now),
		names, images,
		labels.FormatLabels(rc.Spec.Selector),
	}
}

func replicaSetPrinter() Printer {
	return Printer{
		Columns: replicaColumns(extensionsv1beta1.ReplicaSetSpec{}.SwaggerDoc(), extensionsv1beta1.ReplicaSetStatus{}.SwaggerDoc()),
		Cells:   typed(replicaSetCells),
	}
}

func replicaSetCells(rs *appsv1.ReplicaSet, now time.Time) []interface{} {
	names, images := containerCells(rs.Spec.Template.Spec.Containers)
	return []interface{}{
		rs.Name,
		int64(deref(rs.Spec.Replicas)),
		int64(rs.Status.Replicas),
		int64(rs.Status.ReadyReplicas),
		age(rs.CreationTimestamp, now),
		names, images,
		metav1.FormatLabelSelector(rs.Spec.Selector),
	}
}

// deref reads an optional replica count; unset converts to 0 upstream.
func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
