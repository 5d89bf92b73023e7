package admission

import (
	corev1 "k8s.io/api/core/v1"
)

// defaultPodStatus gives a new pod the status kube-apiserver gives it: phase
// Pending and its QoS class.
func defaultPodStatus(p *corev1.Pod) {
	if p.Status.Phase == "" {
		p.Status.Phase = corev1.PodPending
	}
	if p.Status.QOSClass == "" {
		p.Status.QOSClass = podQOS(&p.Spec)
	}
}

// podQOS computes the QoS class from the cpu and memory requests and limits.
func podQOS(spec *corev1.PodSpec) corev1.PodQOSClass {
	requests, limits := corev1.ResourceList{}, corev1.ResourceList{}
	guaranteed := true
	containers := append(append([]corev1.Container{}, spec.InitContainers...), spec.Containers...)
	for _, c := range containers {
		addQOSResources(requests, c.Resources.Requests)
		if addQOSResources(limits, c.Resources.Limits) < 2 {
			guaranteed = false
		}
	}
	if spec.Resources != nil {
		requests, limits = corev1.ResourceList{}, corev1.ResourceList{}
		addQOSResources(requests, spec.Resources.Requests)
		guaranteed = addQOSResources(limits, spec.Resources.Limits) == 2
	}
	if len(requests) == 0 && len(limits) == 0 {
		return corev1.PodQOSBestEffort
	}
	if guaranteed && len(requests) == len(limits) && equalQuantities(requests, limits) {
		return corev1.PodQOSGuaranteed
	}
	return corev1.PodQOSBurstable
}

// addQOSResources adds the non-zero cpu and memory quantities of from to sum
// and returns how many of the two were present.
func addQOSResources(sum, from corev1.ResourceList) int {
	n := 0
	for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		q, ok := from[name]
		if !ok || q.IsZero() {
			continue
		}
		n++
		total := sum[name]
		total.Add(q)
		sum[name] = total
	}
	return n
}

func equalQuantities(a, b corev1.ResourceList) bool {
	for name, qa := range a {
		qb, ok := b[name]
		if !ok || qa.Cmp(qb) != 0 {
			return false
		}
	}
	return true
}
