package e2e

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/resources"
)

// TestBusClient creates, updates and watches objects through bus/ against
// an apiserver in another process, and gets the same errors as HTTPS.
func TestBusClient(t *testing.T) {
	s := cluster.StartServer(t)
	ctx := t.Context()
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: s.NATSURL(), Name: "e2e"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	kv, err := conn.OpenKV(ctx, "kubus")
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Bus: conn, User: "e2e"})
	if err != nil {
		t.Fatal(err)
	}
	cms, _ := resources.Lookup("", "v1", "configmaps")
	events := make(chan string, 100)
	inf, err := client.NewInformer(client.InformerConfig{Source: kv, Resource: cms, Namespace: "default",
		Handler: func(typ watch.EventType, obj, _ runtime.Object) {
			events <- string(typ) + " " + obj.(*corev1.ConfigMap).Data["v"]
		}})
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = inf.Run(ctx) }()
	if err := inf.WaitSynced(ctx); err != nil {
		t.Fatal(err)
	}

	obj, err := c.Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "x", Namespace: "default"}, Data: map[string]string{"v": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	stale := obj.(*corev1.ConfigMap).DeepCopy()
	cm := obj.(*corev1.ConfigMap)
	cm.Data["v"] = "2"
	if _, err := c.Update(ctx, cm); err != nil {
		t.Fatal(err)
	}
	stale.Data["v"] = "lost"
	if _, err := c.Update(ctx, stale); !apierrors.IsConflict(err) {
		t.Fatalf("update with stale resourceVersion: %v, want Conflict", err)
	}
	if _, err := c.Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "Bad_Name", Namespace: "default"}}); !apierrors.IsInvalid(err) {
		t.Fatalf("invalid name: %v, want Invalid", err)
	}
	if err := c.Delete(ctx, cms, "default", "x", nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ADDED 1", "MODIFIED 2", "DELETED 2"} {
		select {
		case got := <-events:
			if got != want {
				t.Fatalf("informer event %q, want %q", got, want)
			}
		case <-ctx.Done():
			t.Fatal(ctx.Err())
		}
	}
	if _, err := c.Get(ctx, cms, "default", "x"); !apierrors.IsNotFound(err) {
		t.Fatalf("get after delete: %v", err)
	}
}
