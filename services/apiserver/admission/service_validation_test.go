package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func TestValidateService(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Service)
		want   []want
	}{
		{"valid", func(*corev1.Service) {}, nil},
		{"name not DNS-1035", func(s *corev1.Service) { s.Name = "1web" }, []want{invalidAt("metadata.name")}},
		{"no ports", func(s *corev1.Service) { s.Spec.Ports = nil }, []want{required("spec.ports")}},
		{"headless without ports", func(s *corev1.Service) { s.Spec.Ports, s.Spec.ClusterIP = nil, "None" }, nil},
		{"port out of range", func(s *corev1.Service) { s.Spec.Ports[0].Port = 0 }, []want{invalidAt("spec.ports[0].port")}},
		{"bad protocol", func(s *corev1.Service) { s.Spec.Ports[0].Protocol = "ICMP" }, []want{notSupported("spec.ports[0].protocol")}},
		{"bad type", func(s *corev1.Service) { s.Spec.Type = "Internal" }, []want{notSupported("spec.type")}},
		{"bad selector", func(s *corev1.Service) { s.Spec.Selector = map[string]string{"app": "a b"} }, []want{invalidAt("spec.selector")}},
		{"unnamed second port", func(s *corev1.Service) {
			s.Spec.Ports = append(s.Spec.Ports, corev1.ServicePort{Name: "https", Port: 443, Protocol: corev1.ProtocolTCP, TargetPort: intstr.FromInt32(443)})
		}, []want{required("spec.ports[0].name")}},
		{"duplicate port", func(s *corev1.Service) {
			s.Spec.Ports = append(s.Spec.Ports, s.Spec.Ports[0])
			s.Spec.Ports[0].Name, s.Spec.Ports[1].Name = "a", "b"
		}, []want{duplicate("spec.ports[1]")}},
		{"nodePort on ClusterIP", func(s *corev1.Service) { s.Spec.Ports[0].NodePort = 30080 }, []want{forbidden("spec.ports[0].nodePort")}},
		{"bad clusterIP", func(s *corev1.Service) { s.Spec.ClusterIP = "10.0.0" }, []want{invalidAt("spec.clusterIP")}},
		{"externalTrafficPolicy on ClusterIP", func(s *corev1.Service) { s.Spec.ExternalTrafficPolicy = "Local" },
			[]want{invalidAt("spec.externalTrafficPolicy")}},
		{"ExternalName without name", func(s *corev1.Service) {
			s.Spec.Type, s.Spec.IPFamilies, s.Spec.IPFamilyPolicy = corev1.ServiceTypeExternalName, nil, nil
		}, []want{required("spec.externalName")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := defaultedService()
			tt.mutate(s)
			expectErrs(t, ValidateCreate(s), tt.want...)
		})
	}
}

func TestValidateServiceUpdate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Service)
		want   []want
	}{
		{"same clusterIP", func(*corev1.Service) {}, nil},
		{"clusterIP left empty", func(s *corev1.Service) { s.Spec.ClusterIP, s.Spec.ClusterIPs = "", nil }, nil},
		{"clusterIP changed", func(s *corev1.Service) { s.Spec.ClusterIP, s.Spec.ClusterIPs = "10.96.0.20", []string{"10.96.0.20"} },
			[]want{invalidAt("spec.clusterIPs[0]")}},
		{"to ExternalName", func(s *corev1.Service) {
			s.Spec.Type, s.Spec.ExternalName, s.Spec.ClusterIP, s.Spec.ClusterIPs = corev1.ServiceTypeExternalName, "db.example.com", "", nil
			s.Spec.IPFamilies, s.Spec.IPFamilyPolicy, s.Spec.InternalTrafficPolicy = nil, nil, nil
		}, nil},
		{"add port", func(s *corev1.Service) {
			s.Spec.Ports[0].Name = "http"
			s.Spec.Ports = append(s.Spec.Ports, corev1.ServicePort{Name: "https", Port: 443, Protocol: corev1.ProtocolTCP, TargetPort: intstr.FromInt32(443)})
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := defaultedService(func(s *corev1.Service) { s.Spec.ClusterIP, s.Spec.ClusterIPs = "10.96.0.10", []string{"10.96.0.10"} })
			s := old.DeepCopy()
			tt.mutate(s)
			expectErrs(t, ValidateUpdate(s, old), tt.want...)
		})
	}
}
