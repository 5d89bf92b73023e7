package printers

import (
	"fmt"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

func servicePrinter() Printer {
	doc := corev1.ServiceSpec{}.SwaggerDoc()
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("Type", doc["type"]),
			column("Cluster-IP", doc["clusterIP"]),
			column("External-IP", doc["externalIPs"]),
			column("Port(s)", doc["ports"]),
			ageColumn(),
			wide(column("Selector", doc["selector"])),
		},
		Cells: typed(serviceCells),
	}
}

func serviceCells(svc *corev1.Service, now time.Time) []interface{} {
	return []interface{}{
		svc.Name,
		string(svc.Spec.Type),
		orDefault(clusterIP(svc), "<none>"),
		serviceExternalIP(svc),
		orDefault(servicePorts(svc.Spec.Ports), "<none>"),
		age(svc.CreationTimestamp, now),
		labels.FormatLabels(svc.Spec.Selector),
	}
}

// clusterIP is the primary cluster IP ("None" for headless services).
func clusterIP(svc *corev1.Service) string {
	if svc.Spec.ClusterIP != "" {
		return svc.Spec.ClusterIP
	}
	if len(svc.Spec.ClusterIPs) > 0 {
		return svc.Spec.ClusterIPs[0]
	}
	return ""
}

func serviceExternalIP(svc *corev1.Service) string {
	external := strings.Join(svc.Spec.ExternalIPs, ",")
	switch svc.Spec.Type {
	case corev1.ServiceTypeClusterIP, corev1.ServiceTypeNodePort:
		return orDefault(external, "<none>")
	case corev1.ServiceTypeLoadBalancer:
		all := loadBalancerAddresses(svc.Status.LoadBalancer)
		all = append(all, svc.Spec.ExternalIPs...)
		return orDefault(strings.Join(all, ","), "<pending>")
	case corev1.ServiceTypeExternalName:
		return svc.Spec.ExternalName
	}
	return "<unknown>"
}

// loadBalancerAddresses returns the sorted, unique ingress IPs/hostnames.
// The apiserver prints wide, so the list is not clipped.
func loadBalancerAddresses(s corev1.LoadBalancerStatus) []string {
	set := map[string]bool{}
	for _, in := range s.Ingress {
		if in.IP != "" {
			set[in.IP] = true
		} else if in.Hostname != "" {
			set[in.Hostname] = true
		}
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// servicePorts renders ports as "80/TCP" or, with a node port, "80:30080/TCP".
func servicePorts(ports []corev1.ServicePort) string {
	pieces := make([]string, len(ports))
	for i, p := range ports {
		pieces[i] = fmt.Sprintf("%d/%s", p.Port, p.Protocol)
		if p.NodePort > 0 {
			pieces[i] = fmt.Sprintf("%d:%d/%s", p.Port, p.NodePort, p.Protocol)
		}
	}
	return strings.Join(pieces, ",")
}
