package sim

import (
	"testing"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func getNode(t *testing.T, c *apiservertest.Cluster, name string) *corev1.Node {
	t.Helper()
	obj, err := c.Client.Get(t.Context(), nodeRes, "", name)
	if err != nil {
		return &corev1.Node{}
	}
	return obj.(*corev1.Node)
}

func nodeReady(t *testing.T, c *apiservertest.Cluster, name string) bool {
	t.Helper()
	cond := findNodeCondition(getNode(t, c, name), corev1.NodeReady)
	return cond != nil && cond.Status == corev1.ConditionTrue
}

func createPod(t *testing.T, c *apiservertest.Cluster, name, node string) {
	t.Helper()
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec: corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "main", Image: "nginx:1.27"}}}}
	if _, err := c.Client.Create(t.Context(), pod); err != nil {
		t.Fatal(err)
	}
}

func getPod(t *testing.T, c *apiservertest.Cluster, name string) *corev1.Pod {
	t.Helper()
	obj, err := c.Client.Get(t.Context(), podRes, "default", name)
	if err != nil {
		t.Fatal(err)
	}
	return obj.(*corev1.Pod)
}

func waitPod(t *testing.T, c *apiservertest.Cluster, name string, cond func(*corev1.Pod) bool) *corev1.Pod {
	t.Helper()
	var p *corev1.Pod
	waitFor(t, "pod "+name, func() bool { p = getPod(t, c, name); return cond(p) })
	return p
}

// renewTime is the node Lease's renewTime, zero while there is none.
func renewTime(t *testing.T, c *apiservertest.Cluster, node string) time.Time {
	t.Helper()
	obj, err := c.Client.Get(t.Context(), leaseRes, corev1.NamespaceNodeLease, node)
	if err != nil {
		return time.Time{}
	}
	if l := obj.(*coordinationv1.Lease); l.Spec.RenewTime != nil {
		return l.Spec.RenewTime.Time
	}
	return time.Time{}
}
