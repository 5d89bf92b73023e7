package printers

import (
	"fmt"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	extensionsv1beta1 "k8s.io/api/extensions/v1beta1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func deploymentPrinter() Printer {
	status := extensionsv1beta1.DeploymentStatus{}.SwaggerDoc()
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("Ready", "Number of the pod with ready state"),
			column("Up-to-date", status["updatedReplicas"]),
			column("Available", status["availableReplicas"]),
			ageColumn(),
			wide(column("Containers", "Names of each container in the template.")),
			wide(column("Images", "Images referenced by each container in the template.")),
			wide(column("Selector", extensionsv1beta1.DeploymentSpec{}.SwaggerDoc()["selector"])),
		},
		Cells: typed(deploymentCells),
	}
}

func deploymentCells(d *appsv1.Deployment, now time.Time) []interface{} {
	names, images := containerCells(d.Spec.Template.Spec.Containers)
	return []interface{}{
		d.Name,
		fmt.Sprintf("%d/%d", d.Status.ReadyReplicas, deref(d.Spec.Replicas)),
		int64(d.Status.UpdatedReplicas),
		int64(d.Status.AvailableReplicas),
		age(d.CreationTimestamp, now),
		names, images,
		deploymentSelector(d.Spec.Selector),
	}
}

// deploymentSelector renders the selector as a label query ("app=web").
func deploymentSelector(sel *metav1.LabelSelector) string {
	s, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return "<invalid>"
	}
	return s.String()
}
