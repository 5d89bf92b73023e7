package nodecontroller

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// createPod creates a pod bound to node with a 1s termination grace
// period, tolerating tol if given (admission adds the 300s defaults).
func createPod(t *testing.T, c *apiservertest.Cluster, name, node string, tol *corev1.Toleration) {
	t.Helper()
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec: corev1.PodSpec{NodeName: node, TerminationGracePeriodSeconds: new(int64(1)), Containers: []corev1.Container{{Name: "c", Image: "x"}}}}
	if tol != nil {
		pod.Spec.Tolerations = []corev1.Toleration{*tol}
	}
	if _, err := c.Client.Create(t.Context(), pod); err != nil {
		t.Fatal(err)
	}
}

func getNode(t *testing.T, c *apiservertest.Cluster, name string) *corev1.Node {
	t.Helper()
	obj, err := c.Client.Get(t.Context(), nodes, "", name)
	if err != nil {
		t.Fatal(err)
	}
	return obj.(*corev1.Node)
}

// countOwn counts the node's not-ready and unreachable taints.
func countOwn(n *corev1.Node) int {
	count := 0
	for _, tn := range n.Spec.Taints {
		if isOwn(tn) {
			count++
		}
	}
	return count
}
