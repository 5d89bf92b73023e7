package gc

import (
	"context"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

var (
	pods, _        = resources.Lookup("", "v1", "pods")
	replicaSets, _ = resources.Lookup("apps", "v1", "replicasets")
)

// TestPropagation deletes a ReplicaSet owning two pods with each
// propagation policy, against a real apiserver.
func TestPropagation(t *testing.T) {
	c := apiservertest.Start(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, Config{NATSURL: c.Bus.URL}) }()
	t.Cleanup(func() { cancel(); <-done })
	policy := func(p metav1.DeletionPropagation) *metav1.DeleteOptions {
		return &metav1.DeleteOptions{PropagationPolicy: &p}
	}

	t.Run("background", func(t *testing.T) {
		podNames := owned(t, c, "bg")
		del(t, c, "bg", policy(metav1.DeletePropagationBackground))
		apiservertest.Eventually(t, "the pods to be collected", func() bool { return gone(t, c, pods, podNames...) })
	})
	t.Run("default", func(t *testing.T) {
		podNames := owned(t, c, "none")
		del(t, c, "none", nil)
		apiservertest.Eventually(t, "the pods to be collected", func() bool { return gone(t, c, pods, podNames...) })
	})
	t.Run("orphan", func(t *testing.T) {
		podNames := owned(t, c, "orphan")
		del(t, c, "orphan", policy(metav1.DeletePropagationOrphan))
		apiservertest.Eventually(t, "the owner to go", func() bool { return gone(t, c, replicaSets, "orphan") })
		for _, name := range podNames {
			obj, err := c.Client.Get(t.Context(), pods, "default", name)
			if err != nil || len(obj.(*corev1.Pod).OwnerReferences) != 0 {
				t.Fatalf("orphaned pod %s: %v %v", name, obj, err)
			}
		}
	})
	t.Run("foreground", func(t *testing.T) {
		podNames := owned(t, c, "fg", "example.com/hold")
		del(t, c, "fg", policy(metav1.DeletePropagationForeground))
		apiservertest.Eventually(t, "the pods to be deleted", func() bool {
			obj, err := c.Client.Get(t.Context(), pods, "default", podNames[0])
			return err == nil && obj.(*corev1.Pod).DeletionTimestamp != nil && gone(t, c, pods, podNames[1])
		})
		if obj, err := c.Client.Get(t.Context(), replicaSets, "default", "fg"); err != nil || obj.(*appsv1.ReplicaSet).DeletionTimestamp == nil {
			t.Fatalf("the owner must wait, marked, for its held pod: %v %v", obj, err)
		}
		if _, err := c.Client.Patch(t.Context(), pods, "default", podNames[0], "", types.MergePatchType, []byte(`{"metadata":{"finalizers":null}}`)); err != nil {
			t.Fatal(err)
		}
		apiservertest.Eventually(t, "the owner to go after its pods", func() bool { return gone(t, c, replicaSets, "fg") && gone(t, c, pods, podNames...) })
	})
}
