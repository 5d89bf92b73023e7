package printers

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// restartableInitContainers returns the names of sidecar init containers.
func restartableInitContainers(pod *corev1.Pod) map[string]bool {
	out := map[string]bool{}
	for _, c := range pod.Spec.InitContainers {
		if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
			out[c.Name] = true
		}
	}
	return out
}

// scanInitContainers walks init containers until one has not finished,
// setting the "Init:..." reason; it reports whether the pod is initializing.
func (s *podSummary) scanInitContainers(pod *corev1.Pod, sidecars map[string]bool) (bool, restartTally, restartTally) {
	var all, sidecar restartTally
	for i, cs := range pod.Status.InitContainerStatuses {
		all.add(cs)
		if sidecars[cs.Name] {
			sidecar.add(cs)
		}
		if cs.State.Terminated != nil && cs.State.Terminated.ExitCode == 0 {
			continue
		}
		if sidecars[cs.Name] && cs.Started != nil && *cs.Started {
			if cs.Ready {
				s.ready++
			}
			continue
		}
		s.reason = initReason(cs, i, len(pod.Spec.InitContainers))
		return true, all, sidecar
	}
	return false, all, sidecar
}

func initReason(cs corev1.ContainerStatus, i, n int) string {
	if t := cs.State.Terminated; t != nil {
		return "Init:" + terminatedReason(t)
	}
	if w := cs.State.Waiting; w != nil && w.Reason != "" && w.Reason != "PodInitializing" {
		return "Init:" + w.Reason
	}
	return fmt.Sprintf("Init:%d/%d", i, n)
}
