package sim

import (
	"crypto/sha256"
	"encoding/hex"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// podStatus is what kubelet reports once a pod's containers all run: phase
// Running, its conditions True, an IP, and a started, ready status per
// container. Conditions set by others (readiness gates) are kept.
func podStatus(pod *corev1.Pod, podIP, hostIP string, now metav1.Time) corev1.PodStatus {
	start := pod.Status.StartTime
	if start == nil {
		start = &now
	}
	return corev1.PodStatus{
		Phase:                 corev1.PodRunning,
		Conditions:            podConditions(pod, now),
		HostIP:                hostIP,
		HostIPs:               []corev1.HostIP{{IP: hostIP}},
		PodIP:                 podIP,
		PodIPs:                []corev1.PodIP{{IP: podIP}},
		StartTime:             start,
		QOSClass:              pod.Status.QOSClass,
		InitContainerStatuses: containerStatuses(pod.Spec.InitContainers, pod.UID, now, true),
		ContainerStatuses:     containerStatuses(pod.Spec.Containers, pod.UID, now, false),
	}
}

// podConditions sets kubelet's conditions on a copy of the pod's own.
// Ready also needs every readiness gate's condition True, as in kubelet.
func podConditions(pod *corev1.Pod, now metav1.Time) []corev1.PodCondition {
	conds := append([]corev1.PodCondition(nil), pod.Status.Conditions...)
	for _, t := range []corev1.PodConditionType{corev1.PodScheduled, corev1.PodReadyToStartContainers, corev1.PodInitialized, corev1.ContainersReady} {
		conds = setPodCondition(conds, corev1.PodCondition{Type: t, Status: corev1.ConditionTrue}, now)
	}
	ready := corev1.PodCondition{Type: corev1.PodReady, Status: corev1.ConditionTrue}
	for _, g := range pod.Spec.ReadinessGates {
		if c := findPodCondition(conds, g.ConditionType); c == nil || c.Status != corev1.ConditionTrue {
			ready = corev1.PodCondition{Type: corev1.PodReady, Status: corev1.ConditionFalse, Reason: "ReadinessGatesNotReady",
				Message: "corresponding condition of pod readiness gate \"" + string(g.ConditionType) + "\" does not exist or is not True"}
			break
		}
	}
	return setPodCondition(conds, ready, now)
}

// setPodCondition replaces or appends c; lastTransitionTime moves only
// when the status changes.
func setPodCondition(conds []corev1.PodCondition, c corev1.PodCondition, now metav1.Time) []corev1.PodCondition {
	c.LastTransitionTime = now
	if old := findPodCondition(conds, c.Type); old != nil {
		if old.Status == c.Status {
			c.LastTransitionTime = old.LastTransitionTime
		}
		*old = c
		return conds
	}
	return append(conds, c)
}

func findPodCondition(conds []corev1.PodCondition, t corev1.PodConditionType) *corev1.PodCondition {
	for i := range conds {
		if conds[i].Type == t {
			return &conds[i]
		}
	}
	return nil
}

// containerStatuses reports containers running and ready; init containers
// have completed, except sidecars (restartPolicy Always), which keep running.
func containerStatuses(cs []corev1.Container, uid types.UID, now metav1.Time, init bool) []corev1.ContainerStatus {
	var out []corev1.ContainerStatus
	for _, c := range cs {
		running := !init || (c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways)
		st := corev1.ContainerStatus{Name: c.Name, Image: c.Image, ImageID: "sim://sha256:" + digest(c.Image),
			ContainerID: "sim://" + digest(string(uid)+"/"+c.Name), Ready: true, Started: &running}
		if running {
			st.State.Running = &corev1.ContainerStateRunning{StartedAt: now}
		} else {
			st.State.Terminated = &corev1.ContainerStateTerminated{Reason: "Completed", StartedAt: now, FinishedAt: now,
				ContainerID: st.ContainerID}
		}
		out = append(out, st)
	}
	return out
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
