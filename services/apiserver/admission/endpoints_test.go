package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func defaultedEndpoints() *corev1.Endpoints {
	ep := &corev1.Endpoints{
		ObjectMeta: objectMeta("web"),
		Subsets: []corev1.EndpointSubset{{
			Addresses: []corev1.EndpointAddress{{IP: "10.244.0.5"}},
			Ports:     []corev1.EndpointPort{{Port: 8080}},
		}},
	}
	Default(ep)
	return ep
}

func TestDefaultEndpoints(t *testing.T) {
	if p := defaultedEndpoints().Subsets[0].Ports[0].Protocol; p != corev1.ProtocolTCP {
		t.Errorf("protocol = %q, want TCP", p)
	}
}

func TestValidateEndpoints(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Endpoints)
		want   []want
	}{
		{"valid", func(*corev1.Endpoints) {}, nil},
		{"no subsets", func(ep *corev1.Endpoints) { ep.Subsets = nil }, nil},
		{"no addresses", func(ep *corev1.Endpoints) { ep.Subsets[0].Addresses = nil }, []want{required("subsets[0]")}},
		{"bad ip", func(ep *corev1.Endpoints) { ep.Subsets[0].Addresses[0].IP = "10.244.0" },
			[]want{invalidAt("subsets[0].addresses[0].ip")}},
		{"loopback ip", func(ep *corev1.Endpoints) {
			ep.Subsets[0].NotReadyAddresses = []corev1.EndpointAddress{{IP: "127.0.0.1"}}
		}, []want{invalidAt("subsets[0].notReadyAddresses[0].ip")}},
		{"bad port", func(ep *corev1.Endpoints) { ep.Subsets[0].Ports[0].Port = 0 }, []want{invalidAt("subsets[0].ports[0].port")}},
		{"unnamed ports", func(ep *corev1.Endpoints) { ep.Subsets[0].Ports = append(ep.Subsets[0].Ports, ep.Subsets[0].Ports[0]) },
			[]want{required("subsets[0].ports[0].name"), required("subsets[0].ports[1].name")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := defaultedEndpoints()
			tt.mutate(ep)
			expectErrs(t, ValidateCreate(ep), tt.want...)
		})
	}
}

func TestValidateEndpointsUpdate(t *testing.T) {
	old := defaultedEndpoints()
	ep := old.DeepCopy()
	ep.Subsets[0].Addresses[0].IP = "10.244.0.6"
	expectErrs(t, ValidateUpdate(ep, old))
	ep.Subsets[0].Ports[0].Protocol = "ICMP"
	expectErrs(t, ValidateUpdate(ep, old), notSupported("subsets[0].ports[0].protocol"))
}
