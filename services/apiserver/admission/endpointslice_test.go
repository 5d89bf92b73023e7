package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
)

func defaultedSlice() *discoveryv1.EndpointSlice {
	s := &discoveryv1.EndpointSlice{
		ObjectMeta:  objectMeta("web-abc12"),
		AddressType: discoveryv1.AddressTypeIPv4,
		Endpoints:   []discoveryv1.Endpoint{{Addresses: []string{"10.244.0.5"}, NodeName: new("node-1")}},
		Ports:       []discoveryv1.EndpointPort{{Port: new(int32(8080))}},
	}
	Default(s)
	return s
}

func TestDefaultEndpointSlice(t *testing.T) {
	p := defaultedSlice().Ports[0]
	if p.Protocol == nil || *p.Protocol != corev1.ProtocolTCP || p.Name == nil || *p.Name != "" {
		t.Errorf("port defaults = %+v", p)
	}
}

func TestValidateEndpointSlice(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*discoveryv1.EndpointSlice)
		want   []want
	}{
		{"valid", func(*discoveryv1.EndpointSlice) {}, nil},
		{"no addressType", func(s *discoveryv1.EndpointSlice) { s.AddressType = "" }, []want{required("addressType")}},
		{"bad addressType", func(s *discoveryv1.EndpointSlice) { s.AddressType = "IP" }, []want{notSupported("addressType")}},
		{"IPv6 in IPv4 slice", func(s *discoveryv1.EndpointSlice) { s.Endpoints[0].Addresses = []string{"fd00::1"} },
			[]want{invalidAt("endpoints[0].addresses[0]")}},
		{"no addresses", func(s *discoveryv1.EndpointSlice) { s.Endpoints[0].Addresses = nil }, []want{required("endpoints[0].addresses")}},
		{"FQDN", func(s *discoveryv1.EndpointSlice) {
			s.AddressType, s.Endpoints[0].Addresses = discoveryv1.AddressTypeFQDN, []string{"db.example.com"}
		}, nil},
		{"duplicate port name", func(s *discoveryv1.EndpointSlice) { s.Ports = append(s.Ports, s.Ports[0]) },
			[]want{duplicate("ports[1].name")}},
		{"bad port", func(s *discoveryv1.EndpointSlice) { s.Ports[0].Port = new(int32(70000)) }, []want{invalidAt("ports[0].port")}},
		{"too many ports", func(s *discoveryv1.EndpointSlice) {
			for i := range 100 {
				s.Ports = append(s.Ports, discoveryv1.EndpointPort{Name: new("p" + string(rune('a'+i%26)) + string(rune('a'+i/26)))})
			}
		}, []want{tooMany("ports")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := defaultedSlice()
			tt.mutate(s)
			expectErrs(t, ValidateCreate(s), tt.want...)
		})
	}
}

func TestValidateEndpointSliceUpdate(t *testing.T) {
	old := defaultedSlice()
	s := old.DeepCopy()
	s.Endpoints[0].Addresses = []string{"10.244.0.9"}
	expectErrs(t, ValidateUpdate(s, old))
	s.AddressType = discoveryv1.AddressTypeIPv6
	s.Endpoints[0].Addresses = []string{"fd00::9"}
	expectErrs(t, ValidateUpdate(s, old), invalidAt("addressType"))
}
