package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func running(name string, restarts int32) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, Ready: true, RestartCount: restarts,
		State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ago(time.Minute)}}}
}

func waiting(name, reason string) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: reason}}}
}

func terminated(name, reason string, code int32) corev1.ContainerStatus {
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{
		Terminated: &corev1.ContainerStateTerminated{Reason: reason, ExitCode: code}}}
}

// restarted records a previous termination that finished d ago.
func restarted(cs corev1.ContainerStatus, n int32, d time.Duration) corev1.ContainerStatus {
	cs.RestartCount = n
	cs.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 1, FinishedAt: ago(d)}
	return cs
}

func containers(names ...string) []corev1.Container {
	out := make([]corev1.Container, len(names))
	for i, n := range names {
		out[i] = corev1.Container{Name: n, Image: n + ":1"}
	}
	return out
}

func cond(t corev1.PodConditionType, s corev1.ConditionStatus, reason string) corev1.PodCondition {
	return corev1.PodCondition{Type: t, Status: s, Reason: reason}
}

// pod builds a scheduled pod in phase with the given container statuses.
func pod(name string, phase corev1.PodPhase, statuses ...corev1.ContainerStatus) *corev1.Pod {
	p := &corev1.Pod{ObjectMeta: objMeta(name, 5*time.Minute)}
	for _, s := range statuses {
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: s.Name, Image: "nginx"})
	}
	p.Spec.NodeName = "node-1"
	p.Status = corev1.PodStatus{Phase: phase, PodIP: "10.244.0.5", ContainerStatuses: statuses}
	return p
}

func TestPodRows(t *testing.T) {
	pending := &corev1.Pod{ObjectMeta: objMeta("pending", 10*time.Second)}
	pending.Spec.Containers = containers("app", "sidecar")
	pending.Status = corev1.PodStatus{Phase: corev1.PodPending,
		Conditions: []corev1.PodCondition{cond(corev1.PodScheduled, corev1.ConditionFalse, "Unschedulable")}}

	creating := pod("creating", corev1.PodPending, waiting("app", "ContainerCreating"))
	creating.Status.PodIP = ""

	terminating := pod("terminating", corev1.PodRunning, running("app", 0))
	terminating.DeletionTimestamp = agoPtr(time.Second)

	checkRows(t, schema.GroupResource{Resource: "pods"}, []rowCase{
		{"running ready", pod("web", corev1.PodRunning, running("app", 0)),
			[]interface{}{"web", "1/1", "Running", "0", "5m", "10.244.0.5", "node-1", "<none>", "<none>"}},
		{"pending unscheduled", pending,
			[]interface{}{"pending", "0/2", "Pending", "0", "10s", "<none>", "<none>", "<none>", "<none>"}},
		{"container creating", creating,
			[]interface{}{"creating", "0/1", "ContainerCreating", "0", "5m", "<none>", "node-1", "<none>", "<none>"}},
		{"crash loop", pod("crash", corev1.PodRunning, restarted(waiting("app", "CrashLoopBackOff"), 5, 2*time.Minute)),
			[]interface{}{"crash", "0/1", "CrashLoopBackOff", "5 (2m ago)", "5m", "10.244.0.5", "node-1", "<none>", "<none>"}},
		{"completed", pod("job-x", corev1.PodSucceeded, terminated("app", "Completed", 0)),
			[]interface{}{"job-x", "0/1", "Completed", "0", "5m", "10.244.0.5", "node-1", "<none>", "<none>"}},
		{"terminating", terminating,
			[]interface{}{"terminating", "1/1", "Terminating", "0", "5m", "10.244.0.5", "node-1", "<none>", "<none>"}},
	})
}

func TestPodWideColumns(t *testing.T) {
	p := pod("gates", corev1.PodPending, running("app", 0))
	p.Spec.NodeName, p.Status.PodIP = "", ""
	p.Status.PodIPs = []corev1.PodIP{{IP: "fd00::5"}}
	p.Status.NominatedNodeName = "node-2"
	p.Spec.ReadinessGates = []corev1.PodReadinessGate{{ConditionType: "lb/ready"}, {ConditionType: "mesh/ready"}}
	p.Status.Conditions = []corev1.PodCondition{cond("lb/ready", corev1.ConditionTrue, ""), cond("mesh/ready", corev1.ConditionFalse, "")}
	printer, _ := For(schema.GroupResource{Resource: "pods"})
	checkCells(t, printer, p, []interface{}{"gates", "1/1", "Pending", "0", "5m", "fd00::5", "<none>", "node-2", "1/2"})
}
