package core

import corev1 "k8s.io/api/core/v1"

// wildcardIP is how an empty hostIP is stored: the port is taken on every
// address of the node.
const wildcardIP = "0.0.0.0"

type protoPort struct {
	proto corev1.Protocol
	port  int32
}

// hostPort is a host port a pod takes, sanitized as upstream's HostPortInfo.
type hostPort struct {
	ip string
	protoPort
}

// hostPorts counts the host ports taken on a node. Counts rather than sets,
// so that removing one of two pods on the same port (possible on distinct
// IPs, or after an over-commit by another scheduler) keeps the other's claim.
// Both maps stay nil on the many nodes without host ports.
type hostPorts struct {
	exact map[hostPort]int32  // by IP, protocol and port
	any   map[protoPort]int32 // by protocol and port on any IP, for wildcard checks
}

func (h *hostPorts) add(p hostPort, delta int32) {
	if h.exact == nil {
		h.exact = make(map[hostPort]int32)
		h.any = make(map[protoPort]int32)
	}
	if h.exact[p] += delta; h.exact[p] <= 0 {
		delete(h.exact, p)
	}
	if h.any[p.protoPort] += delta; h.any[p.protoPort] <= 0 {
		delete(h.any, p.protoPort)
	}
}

// conflicts is upstream's HostPortInfo.CheckConflict: the wildcard address
// clashes with the same port on any address, and any address clashes with
// itself and with the wildcard.
func (h *hostPorts) conflicts(p hostPort) bool {
	if p.ip == wildcardIP {
		return h.any[p.protoPort] > 0
	}
	return h.exact[p] > 0 || h.exact[hostPort{ip: wildcardIP, protoPort: p.protoPort}] > 0
}

// podHostPorts is upstream's GetHostPorts: the host ports of the containers
// and of the sidecars, which run as long as the pod; other init containers
// have exited before the pod's containers take their ports.
func podHostPorts(pod *corev1.Pod) []hostPort {
	var out []hostPort
	for i := range pod.Spec.InitContainers {
		if isSidecar(&pod.Spec.InitContainers[i]) {
			out = appendHostPorts(out, pod.Spec.InitContainers[i].Ports)
		}
	}
	for i := range pod.Spec.Containers {
		out = appendHostPorts(out, pod.Spec.Containers[i].Ports)
	}
	return out
}

func appendHostPorts(out []hostPort, ports []corev1.ContainerPort) []hostPort {
	for _, p := range ports {
		if p.HostPort <= 0 {
			continue
		}
		hp := hostPort{ip: p.HostIP, protoPort: protoPort{proto: p.Protocol, port: p.HostPort}}
		if hp.ip == "" {
			hp.ip = wildcardIP
		}
		if hp.proto == "" {
			hp.proto = corev1.ProtocolTCP
		}
		out = append(out, hp)
	}
	return out
}
