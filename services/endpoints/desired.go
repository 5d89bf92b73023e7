package endpoints

import (
	"sort"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// address is one pod's endpoint with the ports it serves.
type address struct {
	pod   *corev1.Pod
	ready bool
	ports []corev1.EndpointPort
}

// addresses lists the pods a service selects that have an IP, with named
// target ports resolved per pod: pods of one service may number their
// "http" port differently. Terminating pods are left out unless the
// service publishes not-ready addresses.
func addresses(svc *corev1.Service, pods []*corev1.Pod) []address {
	sel := labels.SelectorFromSet(svc.Spec.Selector)
	var out []address
	for _, p := range pods {
		if p.Namespace != svc.Namespace || !sel.Matches(labels.Set(p.Labels)) || p.Status.PodIP == "" {
			continue
		}
		if p.DeletionTimestamp != nil && !svc.Spec.PublishNotReadyAddresses {
			continue
		}
		ports, ok := resolvePorts(svc, p)
		if !ok {
			continue
		}
		out = append(out, address{pod: p, ready: podReady(p) || svc.Spec.PublishNotReadyAddresses, ports: ports})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pod.Status.PodIP < out[j].pod.Status.PodIP })
	return out
}

// resolvePorts maps the service's ports to the pod's; false when a named
// port is missing from the pod (the pod then serves none of them).
func resolvePorts(svc *corev1.Service, p *corev1.Pod) ([]corev1.EndpointPort, bool) {
	var out []corev1.EndpointPort
	for _, sp := range svc.Spec.Ports {
		port, ok := targetPort(sp.TargetPort, sp.Port, p)
		if !ok {
			return nil, false
		}
		out = append(out, corev1.EndpointPort{Name: sp.Name, Port: port, Protocol: sp.Protocol, AppProtocol: sp.AppProtocol})
	}
	return out, true
}

func targetPort(tp intstr.IntOrString, port int32, p *corev1.Pod) (int32, bool) {
	switch {
	case tp.Type == intstr.String && tp.StrVal != "":
		for _, c := range p.Spec.Containers {
			for _, cp := range c.Ports {
				if cp.Name == tp.StrVal {
					return cp.ContainerPort, true
				}
			}
		}
		return 0, false
	case tp.IntVal != 0:
		return tp.IntVal, true
	}
	return port, true
}

func podReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}
