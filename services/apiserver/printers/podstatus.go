package printers

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// nodeLostReason is the pod status reason set when its node is unreachable.
const nodeLostReason = "NodeLost"

// restartTally sums restarts and remembers the latest restart time.
type restartTally struct {
	restarts int
	last     metav1.Time
}

func (t *restartTally) add(cs corev1.ContainerStatus) {
	t.restarts += int(cs.RestartCount)
	if term := cs.LastTerminationState.Terminated; term != nil && t.last.Before(&term.FinishedAt) {
		t.last = term.FinishedAt
	}
}

// podSummary is what `kubectl get pods` shows for a pod.
type podSummary struct {
	restartTally
	ready, total int
	reason       string
}

// summarizePod follows kube-apiserver's printPod status logic.
func summarizePod(pod *corev1.Pod) podSummary {
	sidecars := restartableInitContainers(pod)
	s := podSummary{total: len(pod.Spec.Containers) + len(sidecars), reason: podBaseReason(pod)}
	initializing, all, sidecarTally := s.scanInitContainers(pod, sidecars)
	s.restartTally = all
	if !initializing || podConditionTrue(pod, corev1.PodInitialized) {
		s.restartTally = sidecarTally
		s.scanContainers(pod)
	}
	if pod.DeletionTimestamp != nil {
		switch {
		case pod.Status.Reason == nodeLostReason:
			s.reason = "Unknown"
		case pod.Status.Phase != corev1.PodSucceeded && pod.Status.Phase != corev1.PodFailed:
			s.reason = "Terminating"
		}
	}
	return s
}

func podBaseReason(pod *corev1.Pod) string {
	reason := string(pod.Status.Phase)
	if pod.Status.Reason != "" {
		reason = pod.Status.Reason
	}
	for _, c := range pod.Status.Conditions {
		if c.Type == corev1.PodScheduled && c.Reason == corev1.PodReasonSchedulingGated {
			reason = corev1.PodReasonSchedulingGated
		}
	}
	return reason
}

func terminatedReason(t *corev1.ContainerStateTerminated) string {
	switch {
	case t.Reason != "":
		return t.Reason
	case t.Signal != 0:
		return fmt.Sprintf("Signal:%d", t.Signal)
	default:
		return fmt.Sprintf("ExitCode:%d", t.ExitCode)
	}
}

// scanContainers walks app containers last to first, so the first
// container's waiting/terminated reason wins.
func (s *podSummary) scanContainers(pod *corev1.Pod) {
	hasRunning, errorReason := false, ""
	statuses := pod.Status.ContainerStatuses
	for i := len(statuses) - 1; i >= 0; i-- {
		cs := statuses[i]
		s.add(cs)
		switch {
		case cs.State.Waiting != nil && cs.State.Waiting.Reason != "":
			s.reason = cs.State.Waiting.Reason
		case cs.State.Terminated != nil:
			s.reason = terminatedReason(cs.State.Terminated)
			if cs.State.Terminated.ExitCode != 0 {
				errorReason = s.reason
			}
		case cs.Ready && cs.State.Running != nil:
			hasRunning = true
			s.ready++
		}
	}
	if s.reason != "Completed" {
		return
	}
	switch {
	case hasRunning && podConditionTrue(pod, corev1.PodReady):
		s.reason = "Running"
	case errorReason != "":
		s.reason = errorReason
	case hasRunning:
		s.reason = "NotReady"
	}
}

func podConditionTrue(pod *corev1.Pod, t corev1.PodConditionType) bool {
	for _, c := range pod.Status.Conditions {
		if c.Type == t && c.Status == corev1.ConditionTrue {
			return true
		}
	}
	return false
}
