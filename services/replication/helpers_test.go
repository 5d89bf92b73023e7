package replication_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
	"github.com/kubus-dev/kubus/services/replication"
)

var (
	podsRes, _        = resources.Lookup("", "v1", "pods")
	eventsRes, _      = resources.Lookup("", "v1", "events")
	replicaSetsRes, _ = resources.Lookup("apps", "v1", "replicasets")
	deploymentsRes, _ = resources.Lookup("apps", "v1", "deployments")
)

// env is an apiserver with the replication controller running on it.
type env struct {
	*apiservertest.Cluster
}

// start runs the controller with a small burst, so that large scales take
// several reconciles and the expectations between them matter.
func start(t *testing.T) *env {
	t.Helper()
	return startWith(t, func(c *replication.Config) { c.BurstReplicas = 25 })
}

func startWith(t testing.TB, configure func(*replication.Config)) *env {
	t.Helper()
	c := apiservertest.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	cfg := replication.Config{NATSURL: c.Bus.URL, LeaderElect: true, RetryPeriod: 100 * time.Millisecond, RenewDeadline: time.Second, LeaseDuration: 2 * time.Second}
	configure(&cfg)
	go func() { done <- replication.Run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("replication.Run: %v", err)
		}
	})
	return &env{Cluster: c}
}

// namespace creates a namespace for one subtest.
func (e *env) namespace(t testing.TB, name string) string {
	t.Helper()
	if _, err := e.Client.Create(t.Context(), &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name}}); err != nil {
		t.Fatal(err)
	}
	return name
}

// informer mirrors one resource of ns for the test, calling on per change.
func (e *env) informer(t testing.TB, r resources.Resource, ns string, on func(watch.EventType, runtime.Object, runtime.Object)) *client.Informer {
	t.Helper()
	inf, err := client.NewInformer(client.InformerConfig{Source: e.KV, Resource: r, Namespace: ns, Handler: on})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = inf.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if err := inf.WaitSynced(t.Context()); err != nil {
		t.Fatal(err)
	}
	return inf
}

// eventually polls cond until it holds, failing with its last word after
// a deadline.
func eventually(t testing.TB, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, last := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s: %s", what, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func podTemplate(app, image string) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": app}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: image}}},
	}
}

func replicaSet(ns, name string, replicas int32) *appsv1.ReplicaSet {
	return &appsv1.ReplicaSet{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: appsv1.ReplicaSetSpec{Replicas: &replicas, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": name}},
			Template: podTemplate(name, "nginx:1")},
	}
}

func names(pods []*corev1.Pod) string {
	var s []string
	for _, p := range pods {
		s = append(s, p.Name)
	}
	return fmt.Sprint(s)
}
