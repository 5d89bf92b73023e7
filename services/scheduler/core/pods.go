package core

import corev1 "k8s.io/api/core/v1"

type podKey struct{ namespace, name string }

// podInfo is what a bound pod adds to its node, kept so that removing it
// subtracts exactly what was added even if the pod changed since.
type podInfo struct {
	pod                    *corev1.Pod
	node                   string
	req                    resources
	nonZeroCPU, nonZeroMem int64
	ports                  []hostPort
}

// AddPod accounts a pod bound to a node: call it for every pod the informer
// reports, and with the pod just bound (to "assume" it) before the next
// Schedule. It is an upsert, so the informer's echo of an assumed pod is not
// counted twice; a pod not bound (yet) or terminated is forgotten instead.
// The snapshot keeps pod: treat it as immutable afterwards, as informer
// objects are.
func (s *Snapshot) AddPod(pod *corev1.Pod) {
	key := podKey{pod.Namespace, pod.Name}
	if old := s.pods[key]; old != nil {
		s.account(old, -1)
		delete(s.pods, key)
	}
	if pod.Spec.NodeName == "" || terminated(pod) {
		return
	}
	nonZero := podRequests(pod, true)
	p := &podInfo{
		pod:        pod,
		node:       pod.Spec.NodeName,
		req:        podRequests(pod, false),
		nonZeroCPU: nonZero.milliCPU,
		nonZeroMem: nonZero.memory,
		ports:      podHostPorts(pod),
	}
	s.pods[key] = p
	s.account(p, 1)
}

// UpdatePod is AddPod, named for informer update events.
func (s *Snapshot) UpdatePod(pod *corev1.Pod) {
	s.AddPod(pod)
}

// RemovePod forgets a pod: deleted, or its binding failed after AddPod.
func (s *Snapshot) RemovePod(pod *corev1.Pod) {
	key := podKey{pod.Namespace, pod.Name}
	if old := s.pods[key]; old != nil {
		s.account(old, -1)
		delete(s.pods, key)
	}
}

// terminated pods have released their resources, as upstream's cache treats them.
func terminated(pod *corev1.Pod) bool {
	return pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed
}

// account adds (sign 1) or subtracts (sign -1) a pod to its node's aggregates.
func (s *Snapshot) account(p *podInfo, sign int64) {
	n := s.nodeFor(p.node)
	n.requested.add(p.req, sign)
	n.nonZeroCPU += sign * p.nonZeroCPU
	n.nonZeroMem += sign * p.nonZeroMem
	n.numPods += sign
	for _, hp := range p.ports {
		n.ports.add(hp, int32(sign))
	}
	s.keys = s.spreadKeys(p.pod, s.keys)
	for _, k := range s.keys {
		s.countPeer(n, k, int32(sign))
	}
	if n.empty() {
		delete(s.nodes, n.name)
	}
}
