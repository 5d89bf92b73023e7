package sim

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestPodStatus(t *testing.T) {
	t0 := metav1.NewTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	now := metav1.NewTime(t0.Add(5 * time.Second))
	always := corev1.ContainerRestartPolicyAlways
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{UID: "u1"}, Spec: corev1.PodSpec{
		InitContainers: []corev1.Container{{Name: "setup", Image: "busybox"}, {Name: "proxy", Image: "envoy", RestartPolicy: &always}},
		Containers:     []corev1.Container{{Name: "app", Image: "nginx:1.27"}, {Name: "log", Image: "fluentd"}},
	}, Status: corev1.PodStatus{Phase: corev1.PodPending, QOSClass: corev1.PodQOSBestEffort,
		Conditions: []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionTrue, LastTransitionTime: t0}}}}
	st := podStatus(pod, "10.192.0.2", "10.128.0.1", now)
	if st.Phase != corev1.PodRunning || st.PodIP != "10.192.0.2" || st.PodIPs[0].IP != "10.192.0.2" || st.HostIP != "10.128.0.1" || st.HostIPs[0].IP != "10.128.0.1" {
		t.Errorf("phase %s ip %s host %s", st.Phase, st.PodIP, st.HostIP)
	}
	if st.StartTime == nil || !st.StartTime.Equal(&now) || st.QOSClass != corev1.PodQOSBestEffort {
		t.Errorf("startTime %v qos %s", st.StartTime, st.QOSClass)
	}
	for _, typ := range []corev1.PodConditionType{corev1.PodScheduled, corev1.PodInitialized, corev1.ContainersReady, corev1.PodReady} {
		if c := findPodCondition(st.Conditions, typ); c == nil || c.Status != corev1.ConditionTrue {
			t.Errorf("condition %s = %+v", typ, c)
		}
	}
	if c := findPodCondition(st.Conditions, corev1.PodScheduled); !c.LastTransitionTime.Equal(&t0) {
		t.Errorf("PodScheduled transition moved to %v", c.LastTransitionTime)
	}
	for _, cs := range st.ContainerStatuses {
		if !cs.Ready || !*cs.Started || cs.State.Running == nil || cs.ImageID == "" || len(cs.ContainerID) < len("sim://")+64 {
			t.Errorf("container %s = %+v", cs.Name, cs)
		}
	}
	if st.ContainerStatuses[0].ContainerID == st.ContainerStatuses[1].ContainerID {
		t.Error("two containers share a containerID")
	}
	if init := st.InitContainerStatuses; init[0].State.Terminated == nil || init[0].State.Terminated.Reason != "Completed" || init[1].State.Running == nil {
		t.Errorf("init containers = %+v", init)
	}
}

func TestPodReadinessGates(t *testing.T) {
	now := metav1.Now()
	gate := corev1.PodConditionType("example.com/lb-ready")
	pod := &corev1.Pod{Spec: corev1.PodSpec{ReadinessGates: []corev1.PodReadinessGate{{ConditionType: gate}}}}
	tests := []struct {
		gateStatus corev1.ConditionStatus // "" when the gate's condition is absent
		want       corev1.ConditionStatus
	}{{"", corev1.ConditionFalse}, {corev1.ConditionFalse, corev1.ConditionFalse}, {corev1.ConditionTrue, corev1.ConditionTrue}}
	for _, tt := range tests {
		pod.Status.Conditions = nil
		if tt.gateStatus != "" {
			pod.Status.Conditions = []corev1.PodCondition{{Type: gate, Status: tt.gateStatus}}
		}
		conds := podConditions(pod, now)
		if got := findPodCondition(conds, corev1.PodReady).Status; got != tt.want {
			t.Errorf("gate %q: Ready = %s, want %s", tt.gateStatus, got, tt.want)
		}
		if tt.gateStatus != "" && findPodCondition(conds, gate).Status != tt.gateStatus {
			t.Errorf("gate %q: the gate's own condition was changed", tt.gateStatus)
		}
	}
}

func TestPodAction(t *testing.T) {
	now, zero, thirty := metav1.Now(), int64(0), int64(30)
	tests := []struct {
		name string
		pod  corev1.Pod
		want action
	}{
		{"new", corev1.Pod{}, actStart},
		{"pending", corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodPending}}, actStart},
		{"running", corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodRunning}}, actNone},
		{"succeeded", corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodSucceeded}}, actNone},
		{"terminating", corev1.Pod{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: &now, DeletionGracePeriodSeconds: &thirty},
			Status: corev1.PodStatus{Phase: corev1.PodRunning}}, actDelete},
		{"terminating with finalizer", corev1.Pod{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: &now, DeletionGracePeriodSeconds: &thirty, Finalizers: []string{"f"}}}, actDelete},
		{"released, held by finalizer", corev1.Pod{ObjectMeta: metav1.ObjectMeta{DeletionTimestamp: &now, DeletionGracePeriodSeconds: &zero, Finalizers: []string{"f"}}}, actNone},
	}
	for _, tt := range tests {
		if got := podAction(&tt.pod); got != tt.want {
			t.Errorf("%s: action %d, want %d", tt.name, got, tt.want)
		}
	}
}
