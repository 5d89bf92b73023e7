package rest

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// preserve keeps what an update may leave out but not take away, as
// kube-apiserver's PrepareForUpdate does per kind.
func preserve(obj, old runtime.Object, sub string) {
	switch o := obj.(type) {
	case *corev1.Service:
		preserveService(o, old.(*corev1.Service))
	case *corev1.Namespace:
		if sub != "finalize" {
			o.Spec.Finalizers = old.(*corev1.Namespace).Spec.Finalizers
		}
	}
}

// preserveService keeps the allocated cluster IP and node ports when a
// replace omits them (kubectl replace of a hand-written manifest).
func preserveService(svc, old *corev1.Service) {
	if svc.Spec.ClusterIP == "" && len(svc.Spec.ClusterIPs) == 0 {
		svc.Spec.ClusterIP, svc.Spec.ClusterIPs = old.Spec.ClusterIP, old.Spec.ClusterIPs
	}
	if !needsNodePorts(svc) {
		dropNodePortFields(svc, old)
		return
	}
	for i := range svc.Spec.Ports {
		p := &svc.Spec.Ports[i]
		for _, op := range old.Spec.Ports {
			if p.NodePort == 0 && op.Port == p.Port && op.Protocol == p.Protocol {
				p.NodePort = op.NodePort
			}
		}
	}
}

// dropNodePortFields clears, on a Service whose type no longer exposes
// node ports, what only that type used and the update left as it was,
// as kube-apiserver's service strategy does; the ports are freed after
// the write (updateAllocated).
func dropNodePortFields(svc, old *corev1.Service) {
	for i := range svc.Spec.Ports {
		p := &svc.Spec.Ports[i]
		for _, op := range old.Spec.Ports {
			if p.NodePort != 0 && p.NodePort == op.NodePort {
				p.NodePort = 0
			}
		}
	}
	if svc.Spec.ExternalTrafficPolicy == old.Spec.ExternalTrafficPolicy {
		svc.Spec.ExternalTrafficPolicy = ""
	}
	if svc.Spec.HealthCheckNodePort == old.Spec.HealthCheckNodePort {
		svc.Spec.HealthCheckNodePort = 0
	}
	if svc.Spec.Type != corev1.ServiceTypeLoadBalancer && equalBoolPtr(svc.Spec.AllocateLoadBalancerNodePorts, old.Spec.AllocateLoadBalancerNodePorts) {
		svc.Spec.AllocateLoadBalancerNodePorts = nil
	}
}

func equalBoolPtr(a, b *bool) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
