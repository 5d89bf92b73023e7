package replicaset

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
	"github.com/kubus-dev/kubus/services/replication/events"
)

// TestCreatesInFlightAreNotRepeated reconciles twice while the pod
// informer has seen none of the pods the first reconcile created: the
// second must wait for them instead of creating them again.
func TestCreatesInFlightAreNotRepeated(t *testing.T) {
	c := apiservertest.Start(t)
	ctx := t.Context()
	rs := &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "default"}, Spec: appsv1.ReplicaSetSpec{
		Replicas: new(int32(3)), Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "web"}},
		Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "web"}},
			Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "nginx"}}}}}}
	created, err := c.Client.Create(ctx, rs)
	if err != nil {
		t.Fatal(err)
	}
	workloads := runInformer(t, c, created.(*appsv1.ReplicaSet).ResourceVersion)
	stalePods, _ := client.NewInformer(client.InformerConfig{Source: c.KV, Resource: podsResource}) // never run: sees nothing
	ctrl, err := New(Config{Kind: ReplicaSets, Client: c.Client, Pods: stalePods, Workloads: workloads,
		Events: events.New(events.Config{Client: c.Client, Component: "test"})})
	if err != nil {
		t.Fatal(err)
	}
	req := controller.Request{Namespace: "default", Name: "web"}
	for range 2 {
		if _, err := ctrl.Reconcile(ctx, req); err != nil {
			t.Fatal(err)
		}
	}
	pods := listPods(t, c)
	if len(pods) != 3 {
		t.Fatalf("%d pods after two reconciles with the creates unseen, want 3", len(pods))
	}
	for i := range pods {
		ctrl.OnPod(watch.Added, &pods[i], nil)
	}
	if !ctrl.exp.Satisfied(req.String()) {
		t.Fatal("expectations not satisfied once the informer saw every pod")
	}
}

func runInformer(t *testing.T, c *apiservertest.Cluster, rv string) *client.Informer {
	t.Helper()
	inf, err := client.NewInformer(client.InformerConfig{Source: c.KV, Resource: ReplicaSets.Resource})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = inf.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	rev, _ := strconv.ParseUint(rv, 10, 64)
	if err := inf.WaitForRevision(t.Context(), rev); err != nil {
		t.Fatal(err)
	}
	return inf
}

func listPods(t *testing.T, c *apiservertest.Cluster) []corev1.Pod {
	t.Helper()
	resp, err := c.Client.Do(t.Context(), &kubusv1.APIRequest{Method: "GET", Path: client.Path(podsResource, "default", "", ""), Accept: "application/json"})
	if err != nil {
		t.Fatal(err)
	}
	var list corev1.PodList
	if err := json.Unmarshal(resp.Body, &list); err != nil {
		t.Fatal(err)
	}
	return list.Items
}
