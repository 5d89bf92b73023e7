package core

import corev1 "k8s.io/api/core/v1"

// resources is an amount of each resource: cpu in millicores, the others in
// their base unit (bytes, devices).
type resources struct {
	milliCPU, memory, ephemeral int64
	// scalar holds extended resources and hugepages; nil while there are
	// none, so that common pods and nodes cost no map.
	scalar map[corev1.ResourceName]int64
}

// Upstream's stand-ins for a container without a request, used for scoring
// only, so that best-effort pods still spread instead of piling up on one node.
const (
	defaultMilliCPURequest = 100       // 0.1 core
	defaultMemoryRequest   = 200 << 20 // 200 MiB
)

func toResources(l corev1.ResourceList) resources {
	var r resources
	for name, q := range l {
		switch name {
		case corev1.ResourceCPU:
			r.milliCPU = q.MilliValue()
		case corev1.ResourceMemory:
			r.memory = q.Value()
		case corev1.ResourceEphemeralStorage:
			r.ephemeral = q.Value()
		case corev1.ResourcePods:
			// Pods are counted per pod, not requested.
		default:
			r.addScalar(name, q.Value())
		}
	}
	return r
}

func (r *resources) addScalar(name corev1.ResourceName, v int64) {
	if r.scalar == nil {
		r.scalar = make(map[corev1.ResourceName]int64)
	}
	r.scalar[name] += v
}

// add adds sign*o to r: sign is 1 to account a pod, -1 to forget it.
func (r *resources) add(o resources, sign int64) {
	r.milliCPU += sign * o.milliCPU
	r.memory += sign * o.memory
	r.ephemeral += sign * o.ephemeral
	for name, v := range o.scalar {
		r.addScalar(name, sign*v)
	}
}

func (r *resources) setMax(o resources) {
	r.milliCPU = max(r.milliCPU, o.milliCPU)
	r.memory = max(r.memory, o.memory)
	r.ephemeral = max(r.ephemeral, o.ephemeral)
	for name, v := range o.scalar {
		if v > r.scalar[name] {
			r.addScalar(name, v-r.scalar[name])
		}
	}
}

// containerRequests reads one container's requests; with nonZero, a missing
// cpu or memory request counts as upstream's default.
func containerRequests(l corev1.ResourceList, nonZero bool) resources {
	r := toResources(l)
	if nonZero {
		if _, ok := l[corev1.ResourceCPU]; !ok {
			r.milliCPU = defaultMilliCPURequest
		}
		if _, ok := l[corev1.ResourceMemory]; !ok {
			r.memory = defaultMemoryRequest
		}
	}
	return r
}

// podRequests is upstream's PodRequests: the containers run together, so
// their requests add up; init containers run one at a time before them, so
// only the largest counts, each alongside the sidecars (restartable init
// containers) started before it; pod-level requests replace the containers'
// sum for cpu and memory; the runtime's overhead comes on top.
func podRequests(pod *corev1.Pod, nonZero bool) resources {
	var sum, initMax, sidecars resources
	for i := range pod.Spec.Containers {
		sum.add(containerRequests(pod.Spec.Containers[i].Resources.Requests, nonZero), 1)
	}
	for i := range pod.Spec.InitContainers {
		c := &pod.Spec.InitContainers[i]
		r := containerRequests(c.Resources.Requests, nonZero)
		if isSidecar(c) {
			sum.add(r, 1)
			sidecars.add(r, 1)
			initMax.setMax(sidecars)
			continue
		}
		r.add(sidecars, 1)
		initMax.setMax(r)
	}
	sum.setMax(initMax)
	if pl := pod.Spec.Resources; pl != nil {
		if q, ok := pl.Requests[corev1.ResourceCPU]; ok {
			sum.milliCPU = q.MilliValue()
		}
		if q, ok := pl.Requests[corev1.ResourceMemory]; ok {
			sum.memory = q.Value()
		}
	}
	sum.add(toResources(pod.Spec.Overhead), 1)
	return sum
}

func isSidecar(c *corev1.Container) bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
}
