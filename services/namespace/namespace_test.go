package namespace

import (
	"context"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

func TestSweep(t *testing.T) {
	now := metav1.Now()
	live := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "live"}}
	going := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "going", DeletionTimestamp: &now}}
	cases := []struct {
		items    []item
		wantDel  int
		wantLeft int
	}{
		{nil, 0, 0},
		{[]item{{obj: live}}, 1, 1},
		{[]item{{obj: going}}, 0, 1},
		{[]item{{obj: live}, {obj: going}}, 1, 2},
	}
	for i, c := range cases {
		del, left := sweep(c.items)
		if len(del) != c.wantDel || left != c.wantLeft {
			t.Errorf("case %d: delete %d, left %d; want %d, %d", i, len(del), left, c.wantDel, c.wantLeft)
		}
	}
}

// TestDeletedNamespaceIsEmptiedAndFinalized deletes a namespace holding
// config maps, an unbound pod and a pod bound to a node, plays the node's
// part for the bound pod, and waits for the namespace to disappear.
func TestDeletedNamespaceIsEmptiedAndFinalized(t *testing.T) {
	c := apiservertest.Start(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, Config{NATSURL: c.Bus.URL, Recheck: 200 * time.Millisecond}) }()
	t.Cleanup(func() { cancel(); <-done })
	create(t, c, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "x"}})
	create(t, c, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "a", Namespace: "x"}})
	create(t, c, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "b", Namespace: "x"}})
	create(t, c, &corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "s", Namespace: "x"}})
	create(t, c, pod("unbound", ""))
	create(t, c, pod("bound", "n1"))
	if err := c.Client.Delete(t.Context(), namespaces, "", "x", nil); err != nil {
		t.Fatal(err)
	}
	pods, _ := resources.Lookup("", "v1", "pods")
	apiservertest.Eventually(t, "the bound pod to be marked for its node", func() bool {
		obj, err := c.Client.Get(t.Context(), pods, "x", "bound")
		return err == nil && obj.(*corev1.Pod).DeletionTimestamp != nil
	})
	ns, err := c.Client.Get(t.Context(), namespaces, "", "x")
	if err != nil || ns.(*corev1.Namespace).Status.Phase != corev1.NamespaceTerminating {
		t.Fatalf("while a pod shuts down the namespace must be Terminating: %v %v", ns, err)
	}
	if err := c.Client.Delete(t.Context(), pods, "x", "bound", &metav1.DeleteOptions{GracePeriodSeconds: new(int64(0))}); err != nil {
		t.Fatal(err) // the kubelet's final delete
	}
	apiservertest.Eventually(t, "the namespace to disappear", func() bool {
		_, err := c.Client.Get(t.Context(), namespaces, "", "x")
		return apierrors.IsNotFound(err)
	})
	for _, name := range []string{"a", "b"} {
		cms, _ := resources.Lookup("", "v1", "configmaps")
		if _, err := c.Client.Get(t.Context(), cms, "x", name); !apierrors.IsNotFound(err) {
			t.Fatalf("configmap %s outlived its namespace: %v", name, err)
		}
	}
}

func pod(name, node string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "x"},
		Spec: corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "c", Image: "x"}}}}
}

func create(t *testing.T, c *apiservertest.Cluster, obj runtime.Object) {
	t.Helper()
	if _, err := c.Client.Create(t.Context(), obj); err != nil {
		t.Fatal(err)
	}
}
