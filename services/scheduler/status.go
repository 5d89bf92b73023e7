package scheduler

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/client"
)

// statusWriter tells users why a pod waits, as kube-scheduler does: the
// PodScheduled=False condition with reason Unschedulable and a
// FailedScheduling event. It writes in the background, once per distinct
// message per pod, so a pod retried often causes no write storm.
type statusWriter struct {
	client *client.Client
	clock  func() time.Time

	mu      sync.Mutex
	pending map[podKey]note
	written map[podKey]string
	wake    chan struct{}
}

type note struct {
	pod *corev1.Pod
	msg string
}

func newStatusWriter(c *client.Client, clock func() time.Time) *statusWriter {
	return &statusWriter{client: c, clock: clock, pending: map[podKey]note{}, written: map[podKey]string{}, wake: make(chan struct{}, 1)}
}

func (w *statusWriter) unschedulable(pod *corev1.Pod, msg string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.written[keyOf(pod)] == msg {
		return
	}
	w.pending[keyOf(pod)] = note{pod: pod, msg: msg}
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *statusWriter) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.wake:
		}
		w.mu.Lock()
		batch := w.pending
		w.pending = map[podKey]note{}
		w.mu.Unlock()
		for k, n := range batch {
			if w.write(ctx, n) == nil {
				w.mu.Lock()
				w.written[k] = n.msg
				w.mu.Unlock()
			}
		}
	}
}

func (w *statusWriter) write(ctx context.Context, n note) error {
	now := metav1.NewTime(w.clock())
	cond := corev1.PodCondition{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: corev1.PodReasonUnschedulable,
		Message: n.msg, LastProbeTime: now, LastTransitionTime: now}
	patch, _ := json.Marshal(map[string]any{"status": map[string]any{"conditions": []corev1.PodCondition{cond}}})
	if _, err := w.client.Patch(ctx, podsRes, n.pod.Namespace, n.pod.Name, "status", types.StrategicMergePatchType, patch); err != nil {
		return err
	}
	_, err := w.client.Create(ctx, w.event(n, now))
	return err
}

func (w *statusWriter) event(n note, now metav1.Time) *corev1.Event {
	return &corev1.Event{
		ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("%s.%x", n.pod.Name, now.UnixNano()), Namespace: n.pod.Namespace},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", APIVersion: "v1", Namespace: n.pod.Namespace, Name: n.pod.Name,
			UID: n.pod.UID, ResourceVersion: n.pod.ResourceVersion},
		Reason: "FailedScheduling", Message: n.msg, Type: corev1.EventTypeWarning, Count: 1,
		FirstTimestamp: now, LastTimestamp: now, Source: corev1.EventSource{Component: Name},
		ReportingController: Name, ReportingInstance: Name,
	}
}

// forget drops what was noted for a pod that is bound or gone.
func (w *statusWriter) forget(k podKey) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.pending, k)
	delete(w.written, k)
}
