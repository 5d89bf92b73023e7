package admission

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func defaultedService(mutate ...func(*corev1.Service)) *corev1.Service {
	s := &corev1.Service{
		ObjectMeta: objectMeta("web"),
		Spec: corev1.ServiceSpec{
			Selector: map[string]string{"app": "web"},
			Ports:    []corev1.ServicePort{{Port: 80}},
		},
	}
	for _, m := range mutate {
		m(s)
	}
	Default(s)
	return s
}

func TestDefaultService(t *testing.T) {
	s := defaultedService().Spec
	checks := []struct {
		name      string
		got, want any
	}{
		{"type", s.Type, corev1.ServiceTypeClusterIP},
		{"sessionAffinity", s.SessionAffinity, corev1.ServiceAffinityNone},
		{"protocol", s.Ports[0].Protocol, corev1.ProtocolTCP},
		{"targetPort", s.Ports[0].TargetPort, intstr.FromInt32(80)},
		{"ipFamilyPolicy", *s.IPFamilyPolicy, corev1.IPFamilyPolicySingleStack},
		{"ipFamilies", s.IPFamilies, []corev1.IPFamily{corev1.IPv4Protocol}},
		{"internalTrafficPolicy", *s.InternalTrafficPolicy, corev1.ServiceInternalTrafficPolicyCluster},
		{"externalTrafficPolicy", s.ExternalTrafficPolicy, corev1.ServiceExternalTrafficPolicy("")},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestDefaultServiceByType(t *testing.T) {
	lb := defaultedService(func(s *corev1.Service) { s.Spec.Type = corev1.ServiceTypeLoadBalancer }).Spec
	if lb.ExternalTrafficPolicy != corev1.ServiceExternalTrafficPolicyCluster {
		t.Errorf("LoadBalancer externalTrafficPolicy = %q, want Cluster", lb.ExternalTrafficPolicy)
	}
	if lb.AllocateLoadBalancerNodePorts == nil || !*lb.AllocateLoadBalancerNodePorts {
		t.Errorf("allocateLoadBalancerNodePorts not defaulted to true")
	}
	np := defaultedService(func(s *corev1.Service) { s.Spec.Type = corev1.ServiceTypeNodePort }).Spec
	if np.ExternalTrafficPolicy != corev1.ServiceExternalTrafficPolicyCluster {
		t.Errorf("NodePort externalTrafficPolicy = %q, want Cluster", np.ExternalTrafficPolicy)
	}
	en := defaultedService(func(s *corev1.Service) {
		s.Spec.Type, s.Spec.ExternalName, s.Spec.Ports = corev1.ServiceTypeExternalName, "example.com", nil
	}).Spec
	if en.IPFamilyPolicy != nil || en.IPFamilies != nil || en.InternalTrafficPolicy != nil {
		t.Errorf("ExternalName got IP defaults: %+v", en)
	}
	named := defaultedService(func(s *corev1.Service) { s.Spec.Ports[0].TargetPort = intstr.FromString("http") }).Spec
	if named.Ports[0].TargetPort != intstr.FromString("http") {
		t.Errorf("named targetPort overwritten: %v", named.Ports[0].TargetPort)
	}
	headless := defaultedService(func(s *corev1.Service) { s.Spec.ClusterIP, s.Spec.Selector = "None", nil }).Spec
	if *headless.IPFamilyPolicy != corev1.IPFamilyPolicyRequireDualStack || len(headless.IPFamilies) != 2 {
		t.Errorf("selectorless headless service families = %v %v", *headless.IPFamilyPolicy, headless.IPFamilies)
	}
}
