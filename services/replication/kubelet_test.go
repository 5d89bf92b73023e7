package replication_test

import (
	"context"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

// fakeKubelet marks pods of ns Running and Ready, as a node would, for
// the pods ready says so of; there is no scheduler or kubelet otherwise.
func (e *env) fakeKubelet(t testing.TB, ns string, ready func(*corev1.Pod) bool) {
	t.Helper()
	todo := make(chan *corev1.Pod, 10000)
	e.informer(t, podsRes, ns, func(ev watch.EventType, obj, _ runtime.Object) {
		if p := obj.(*corev1.Pod); ev == watch.Added && ready(p) {
			todo <- p
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	for range 16 {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case p := <-todo:
					_ = markReady(ctx, e, p)
				}
			}
		}()
	}
	t.Cleanup(cancel)
}

func markReady(ctx context.Context, e *env, p *corev1.Pod) error {
	p = p.DeepCopy()
	now := metav1.NewTime(time.Now())
	p.Status.Phase = corev1.PodRunning
	p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: now}}
	p.ResourceVersion = ""
	_, err := e.Client.UpdateStatus(ctx, p)
	return err
}

func always(*corev1.Pod) bool { return true }
