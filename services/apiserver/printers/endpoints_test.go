package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func addresses(ips ...string) []corev1.EndpointAddress {
	out := make([]corev1.EndpointAddress, len(ips))
	for i, ip := range ips {
		out[i] = corev1.EndpointAddress{IP: ip}
	}
	return out
}

func TestEndpointsRows(t *testing.T) {
	five := &corev1.Endpoints{ObjectMeta: objMeta("web", time.Hour), Subsets: []corev1.EndpointSubset{{
		Addresses: addresses("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"),
		Ports:     []corev1.EndpointPort{{Name: "http", Port: 80}},
	}}}
	two := &corev1.Endpoints{ObjectMeta: objMeta("kubernetes", time.Hour), Subsets: []corev1.EndpointSubset{
		{Addresses: addresses("172.18.0.2"), Ports: []corev1.EndpointPort{{Port: 6443}}},
		{Addresses: addresses("fd00::1"), Ports: []corev1.EndpointPort{{Port: 8080}}},
	}}
	headless := &corev1.Endpoints{ObjectMeta: objMeta("headless", time.Hour), Subsets: []corev1.EndpointSubset{
		{Addresses: addresses("10.0.1.1", "10.0.1.2")},
	}}
	notReady := &corev1.Endpoints{ObjectMeta: objMeta("starting", time.Hour), Subsets: []corev1.EndpointSubset{
		{NotReadyAddresses: addresses("10.0.2.1"), Ports: []corev1.EndpointPort{{Port: 80}}},
	}}

	checkRows(t, schema.GroupResource{Resource: "endpoints"}, []rowCase{
		{"truncated", five, []interface{}{"web", "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...", "60m"}},
		{"two subsets", two, []interface{}{"kubernetes", "172.18.0.2:6443,[fd00::1]:8080", "60m"}},
		{"headless", headless, []interface{}{"headless", "10.0.1.1,10.0.1.2", "60m"}},
		{"not ready only", notReady, []interface{}{"starting", "", "60m"}},
		{"empty", &corev1.Endpoints{ObjectMeta: objMeta("none", time.Hour)}, []interface{}{"none", "<none>", "60m"}},
	})
}

func TestEndpointSliceRows(t *testing.T) {
	slice := &discoveryv1.EndpointSlice{
		ObjectMeta:  objMeta("web-abc12", 2*time.Minute),
		AddressType: discoveryv1.AddressTypeIPv4,
		Ports: []discoveryv1.EndpointPort{
			{Name: ptr("http"), Port: ptr(int32(80))}, {Name: ptr("metrics")}, {},
			{Port: ptr(int32(9443))}, {Port: ptr(int32(9444))},
		},
		Endpoints: []discoveryv1.Endpoint{
			{Addresses: []string{"10.0.0.1"}}, {Addresses: []string{"10.0.0.2", "10.0.0.3"}}, {Addresses: []string{"10.0.0.4"}},
		},
	}
	small := &discoveryv1.EndpointSlice{
		ObjectMeta:  objMeta("dns-x", 2*time.Minute),
		AddressType: discoveryv1.AddressTypeIPv6,
		Ports:       []discoveryv1.EndpointPort{{Port: ptr(int32(53))}},
		Endpoints:   []discoveryv1.Endpoint{{Addresses: []string{"fd00::a"}}},
	}
	checkRows(t, schema.GroupResource{Group: "discovery.k8s.io", Resource: "endpointslices"}, []rowCase{
		{"truncated", slice, []interface{}{"web-abc12", "IPv4", "80,metrics,* + 2 more...", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "2m"}},
		{"small", small, []interface{}{"dns-x", "IPv6", "53", "fd00::a", "2m"}},
		{"empty", &discoveryv1.EndpointSlice{ObjectMeta: objMeta("e", 2*time.Minute), AddressType: discoveryv1.AddressTypeFQDN},
			[]interface{}{"e", "FQDN", "<unset>", "<unset>", "2m"}},
	})
}
