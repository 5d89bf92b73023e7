package printers

import (
	"net"
	"strconv"
	"time"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	discoveryv1beta1 "k8s.io/api/discovery/v1beta1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func endpointsPrinter() Printer {
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("Endpoints", corev1.Endpoints{}.SwaggerDoc()["subsets"]),
			ageColumn(),
		},
		Cells: typed(func(ep *corev1.Endpoints, now time.Time) []interface{} {
			return []interface{}{ep.Name, formatEndpoints(ep), age(ep.CreationTimestamp, now)}
		}),
	}
}

// formatEndpoints lists "ip:port" pairs (bare IPs for port-less subsets),
// e.g. "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...".
func formatEndpoints(ep *corev1.Endpoints) string {
	if len(ep.Subsets) == 0 {
		return "<none>"
	}
	var list truncatedList
	for _, ss := range ep.Subsets {
		if len(ss.Ports) == 0 {
			for _, a := range ss.Addresses {
				list.add(a.IP)
			}
			continue
		}
		for _, p := range ss.Ports {
			for _, a := range ss.Addresses {
				list.add(net.JoinHostPort(a.IP, strconv.Itoa(int(p.Port))))
			}
		}
	}
	return list.String()
}

func endpointSlicePrinter() Printer {
	doc := discoveryv1beta1.EndpointSlice{}.SwaggerDoc()
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			nameColumn(),
			column("AddressType", doc["addressType"]),
			column("Ports", doc["ports"]),
			column("Endpoints", doc["endpoints"]),
			ageColumn(),
		},
		Cells: typed(endpointSliceCells),
	}
}

func endpointSliceCells(es *discoveryv1.EndpointSlice, now time.Time) []interface{} {
	var ports, addrs truncatedList
	for _, p := range es.Ports {
		switch {
		case p.Port != nil:
			ports.add(strconv.Itoa(int(*p.Port)))
		case p.Name != nil:
			ports.add(*p.Name)
		default:
			ports.add("*")
		}
	}
	for _, e := range es.Endpoints {
		for _, a := range e.Addresses {
			addrs.add(a)
		}
	}
	return []interface{}{
		es.Name,
		string(es.AddressType),
		orDefault(ports.String(), "<unset>"),
		orDefault(addrs.String(), "<unset>"),
		age(es.CreationTimestamp, now),
	}
}
