package replicaset

import (
	"context"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
	"github.com/kubus-dev/kubus/services/replication/events"
)

// TestAdoptsAPodWrittenJustBefore: the pod informer starts late (it lags
// the ReplicaSet informer), yet the pod created before the ReplicaSet is
// adopted rather than a second one created beside it.
func TestAdoptsAPodWrittenJustBefore(t *testing.T) {
	c := apiservertest.Start(t)
	ctx := t.Context()
	labels := map[string]string{"app": "web"}
	spec := corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "nginx"}}}
	if _, err := c.Client.Create(ctx, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "first", Namespace: "default", Labels: labels}, Spec: spec}); err != nil {
		t.Fatal(err)
	}
	rs := &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "default"}, Spec: appsv1.ReplicaSetSpec{
		Replicas: new(int32(1)), Selector: &metav1.LabelSelector{MatchLabels: labels},
		Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: spec}}}
	created, err := c.Client.Create(ctx, rs)
	if err != nil {
		t.Fatal(err)
	}
	workloads := runInformer(t, c, created.(*appsv1.ReplicaSet).ResourceVersion)
	latePods, _ := client.NewInformer(client.InformerConfig{Source: c.KV, Resource: podsResource})
	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-time.After(200 * time.Millisecond):
			_ = latePods.Run(runCtx)
		case <-runCtx.Done():
		}
	}()
	t.Cleanup(func() { stop(); <-done })
	ctrl, err := New(Config{Kind: ReplicaSets, Client: c.Client, Pods: latePods, Workloads: workloads,
		Events: events.New(events.Config{Client: c.Client, Component: "test"})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ctrl.Reconcile(ctx, controller.Request{Namespace: "default", Name: "web"}); err != nil {
		t.Fatal(err)
	}
	pods := listPods(t, c)
	if len(pods) != 1 || pods[0].Name != "first" || metav1.GetControllerOf(&pods[0]) == nil {
		t.Fatalf("after one reconcile: %d pods, want only the adopted %q: %+v", len(pods), "first", pods)
	}
}
