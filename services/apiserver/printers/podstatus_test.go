package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestPodStatusReasons(t *testing.T) {
	withInit := func(p *corev1.Pod, statuses ...corev1.ContainerStatus) *corev1.Pod {
		for _, s := range statuses {
			p.Spec.InitContainers = append(p.Spec.InitContainers, corev1.Container{Name: s.Name})
		}
		p.Status.InitContainerStatuses = statuses
		return p
	}
	initRunning := running("init", 0)
	initRunning.Ready = false
	sidecar := restarted(running("proxy", 0), 2, 30*time.Second)
	sidecar.Started = ptr(true)
	sidecarPod := withInit(pod("mesh", corev1.PodRunning, running("app", 1)), sidecar)
	sidecarPod.Spec.InitContainers[0].RestartPolicy = ptr(corev1.ContainerRestartPolicyAlways)

	gated := pod("gated", corev1.PodPending)
	gated.Status.Conditions = []corev1.PodCondition{cond(corev1.PodScheduled, corev1.ConditionFalse, "SchedulingGated")}
	lost := pod("lost", corev1.PodRunning, running("app", 0))
	lost.DeletionTimestamp, lost.Status.Reason = agoPtr(time.Minute), "NodeLost"
	evicted := pod("evicted", corev1.PodFailed)
	evicted.Status.Reason = "Evicted"
	notReady := pod("nr", corev1.PodRunning, terminated("a", "Completed", 0), running("b", 0))
	killed := terminated("app", "", 137)
	killed.State.Terminated.Signal = 9
	readyPod := pod("rd", corev1.PodRunning, terminated("a", "Completed", 0), running("b", 0))
	readyPod.Status.Conditions = []corev1.PodCondition{cond(corev1.PodReady, corev1.ConditionTrue, "")}

	tests := []struct {
		name                     string
		pod                      *corev1.Pod
		ready, status, restartsS string
	}{
		{"init running", withInit(pod("i", corev1.PodPending, waiting("app", "PodInitializing")), initRunning), "0/1", "Init:0/1", "0"},
		{"init crash", withInit(pod("i", corev1.PodPending, waiting("app", "PodInitializing")),
			terminated("ok", "Completed", 0), restarted(waiting("init", "CrashLoopBackOff"), 3, time.Minute)), "0/1", "Init:CrashLoopBackOff", "3 (60s ago)"},
		{"init exit code", withInit(pod("i", corev1.PodPending), terminated("init", "", 2)), "0/0", "Init:ExitCode:2", "0"},
		{"sidecar", sidecarPod, "2/2", "Running", "3 (30s ago)"},
		{"scheduling gated", gated, "0/0", "SchedulingGated", "0"},
		{"node lost", lost, "1/1", "Unknown", "0"},
		{"evicted", evicted, "0/0", "Evicted", "0"},
		{"error", pod("e", corev1.PodFailed, terminated("app", "Error", 1)), "0/1", "Error", "0"},
		{"signal", pod("s", corev1.PodFailed, killed), "0/1", "Signal:9", "0"},
		{"exit code", pod("x", corev1.PodFailed, terminated("app", "", 3)), "0/1", "ExitCode:3", "0"},
		{"completed with running, not ready", notReady, "1/2", "NotReady", "0"},
		{"completed with running, ready", readyPod, "1/2", "Running", "0"},
		{"completed with failure", pod("f", corev1.PodRunning, terminated("a", "Completed", 0), terminated("b", "OOMKilled", 137), running("c", 0)), "1/3", "OOMKilled", "0"},
	}
	p, _ := For(schema.GroupResource{Resource: "pods"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cells, err := p.Cells(tc.pod, now)
			if err != nil {
				t.Fatal(err)
			}
			if cells[1] != tc.ready || cells[2] != tc.status || cells[3] != tc.restartsS {
				t.Errorf("got ready=%v status=%v restarts=%v, want %s %s %s", cells[1], cells[2], cells[3], tc.ready, tc.status, tc.restartsS)
			}
		})
	}
}
