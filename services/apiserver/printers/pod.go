package printers

import (
	"fmt"
	"strconv"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func podPrinter() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("Ready", "The aggregate readiness state of this pod for accepting traffic."),
			column("Status", "The aggregate status of the containers in this pod."),
			column("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
			ageColumn(),
			wide(column("IP", corev1.PodStatus{}.SwaggerDoc()["podIP"])),
			wide(column("Node", corev1.PodSpec{}.SwaggerDoc()["nodeName"])),
			wide(column("Nominated Node", corev1.PodStatus{}.SwaggerDoc()["nominatedNodeName"])),
			wide(column("Readiness Gates", corev1.PodSpec{}.SwaggerDoc()["readinessGates"])),
		},
		Cells: typed(podCells),
	}
}

func podCells(pod *corev1.Pod, now time.Time) []interface{} {
	s := summarizePod(pod)
	return []interface{}{
		pod.Name,
		fmt.Sprintf("%d/%d", s.ready, s.total),
		s.reason,
		s.restartsCell(now),
		age(pod.CreationTimestamp, now),
		orDefault(podIP(pod), "<none>"),
		orDefault(pod.Spec.NodeName, "<none>"),
		orDefault(pod.Status.NominatedNodeName, "<none>"),
		readinessGates(pod),
	}
}

// restartsCell is "3" or, once a container has restarted, "3 (5m ago)".
func (s podSummary) restartsCell(now time.Time) string {
	if s.restarts != 0 && !s.last.IsZero() {
		return fmt.Sprintf("%d (%s ago)", s.restarts, age(s.last, now))
	}
	return strconv.Itoa(s.restarts)
}

// podIP is the primary pod IP (status.podIP wins over status.podIPs, as in
// the v1 to internal conversion).
func podIP(pod *corev1.Pod) string {
	if pod.Status.PodIP != "" {
		return pod.Status.PodIP
	}
	if len(pod.Status.PodIPs) > 0 {
		return pod.Status.PodIPs[0].IP
	}
	return ""
}

// readinessGates is "<true gates>/<gates>", or "<none>" without gates.
func readinessGates(pod *corev1.Pod) string {
	gates := pod.Spec.ReadinessGates
	if len(gates) == 0 {
		return "<none>"
	}
	trueGates := 0
	for _, g := range gates {
		for _, c := range pod.Status.Conditions {
			if c.Type == g.ConditionType {
				if c.Status == corev1.ConditionTrue {
					trueGates++
				}
				break
			}
		}
	}
	return fmt.Sprintf("%d/%d", trueGates, len(gates))
}
