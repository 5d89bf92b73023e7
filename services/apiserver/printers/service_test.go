package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func service(name string, typ corev1.ServiceType, ports ...corev1.ServicePort) *corev1.Service {
	return &corev1.Service{ObjectMeta: objMeta(name, 3*time.Hour), Spec: corev1.ServiceSpec{
		Type: typ, ClusterIP: "10.96.12.34", ClusterIPs: []string{"10.96.12.34"},
		Ports: ports, Selector: map[string]string{"app": name, "tier": "web"},
	}}
}

func TestServiceRows(t *testing.T) {
	http := corev1.ServicePort{Name: "http", Port: 80, Protocol: corev1.ProtocolTCP}
	dns := corev1.ServicePort{Name: "dns", Port: 53, Protocol: corev1.ProtocolUDP}
	nodePort := corev1.ServicePort{Name: "http", Port: 80, NodePort: 30080, Protocol: corev1.ProtocolTCP}

	withExternal := service("ext", corev1.ServiceTypeClusterIP, http)
	withExternal.Spec.ExternalIPs = []string{"198.51.100.1", "198.51.100.2"}
	lbPending := service("lb", corev1.ServiceTypeLoadBalancer, nodePort)
	lbReady := service("lb2", corev1.ServiceTypeLoadBalancer, nodePort)
	lbReady.Status.LoadBalancer.Ingress = []corev1.LoadBalancerIngress{
		{IP: "203.0.113.20"}, {Hostname: "a1b2c3.elb.amazonaws.com"}, {IP: "203.0.113.20"}}
	lbReady.Spec.ExternalIPs = []string{"198.51.100.9"}
	external := &corev1.Service{ObjectMeta: objMeta("db", time.Minute), Spec: corev1.ServiceSpec{
		Type: corev1.ServiceTypeExternalName, ExternalName: "db.example.com"}}
	headless := service("headless", corev1.ServiceTypeClusterIP)
	headless.Spec.ClusterIP, headless.Spec.ClusterIPs, headless.Spec.Selector = "None", []string{"None"}, nil
	onlyIPs := service("dual", corev1.ServiceTypeClusterIP, http)
	onlyIPs.Spec.ClusterIP, onlyIPs.Spec.ClusterIPs = "", []string{"fd00:10:96::1", "10.96.0.1"}

	checkRows(t, schema.GroupResource{Resource: "services"}, []rowCase{
		{"cluster ip", service("web", corev1.ServiceTypeClusterIP, http, dns),
			[]interface{}{"web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP,53/UDP", "3h", "app=web,tier=web"}},
		{"node port", service("np", corev1.ServiceTypeNodePort, nodePort),
			[]interface{}{"np", "NodePort", "10.96.12.34", "<none>", "80:30080/TCP", "3h", "app=np,tier=web"}},
		{"external ips", withExternal,
			[]interface{}{"ext", "ClusterIP", "10.96.12.34", "198.51.100.1,198.51.100.2", "80/TCP", "3h", "app=ext,tier=web"}},
		{"lb pending", lbPending,
			[]interface{}{"lb", "LoadBalancer", "10.96.12.34", "<pending>", "80:30080/TCP", "3h", "app=lb,tier=web"}},
		{"lb ready", lbReady,
			[]interface{}{"lb2", "LoadBalancer", "10.96.12.34", "203.0.113.20,a1b2c3.elb.amazonaws.com,198.51.100.9", "80:30080/TCP", "3h", "app=lb2,tier=web"}},
		{"external name", external,
			[]interface{}{"db", "ExternalName", "<none>", "db.example.com", "<none>", "60s", "<none>"}},
		{"headless", headless,
			[]interface{}{"headless", "ClusterIP", "None", "<none>", "<none>", "3h", "<none>"}},
		{"cluster ips only", onlyIPs,
			[]interface{}{"dual", "ClusterIP", "fd00:10:96::1", "<none>", "80/TCP", "3h", "app=dual,tier=web"}},
	})
}
