package scheduler

import (
	"context"
	"fmt"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

func node(name, cpu string) *corev1.Node {
	res := corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(cpu), corev1.ResourceMemory: resource.MustParse("8Gi"), corev1.ResourcePods: resource.MustParse("110")}
	return &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: name},
		Status: corev1.NodeStatus{Capacity: res, Allocatable: res,
			Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue}}}}
}

func podReq(name, cpu string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "x",
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(cpu)}}}}}}
}

func start(t *testing.T, c *apiservertest.Cluster) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, Config{NATSURL: c.Bus.URL, RetryUnschedulable: time.Hour}) }()
	t.Cleanup(func() { cancel(); <-done })
}

// TestBindsWithoutOvercommitAndExplainsWaits runs the scheduler against a
// real apiserver: pods land within capacity, the one that fits nowhere
// says why, and it is bound as soon as a node that fits appears.
func TestBindsWithoutOvercommitAndExplainsWaits(t *testing.T) {
	c := apiservertest.Start(t)
	start(t, c)
	for _, n := range []*corev1.Node{node("n1", "2"), node("n2", "2")} {
		if _, err := c.Client.Create(t.Context(), n); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		if _, err := c.Client.Create(t.Context(), podReq(fmt.Sprintf("p%d", i), "900m")); err != nil {
			t.Fatal(err)
		}
	}
	perNode := map[string]int{}
	var waiting *corev1.Pod
	apiservertest.Eventually(t, "4 pods bound and 1 explained", func() bool {
		perNode, waiting = map[string]int{}, nil
		for i := range 5 {
			obj, err := c.Client.Get(t.Context(), podsRes, "default", fmt.Sprintf("p%d", i))
			if err != nil {
				return false
			}
			p := obj.(*corev1.Pod)
			if p.Spec.NodeName != "" {
				perNode[p.Spec.NodeName]++
			} else if unschedulableMsg(p) != "" {
				waiting = p
			}
		}
		return perNode["n1"]+perNode["n2"] == 4 && waiting != nil
	})
	if perNode["n1"] != 2 || perNode["n2"] != 2 {
		t.Fatalf("pods per node %v: a 2-CPU node holds two 900m pods", perNode)
	}
	if msg := unschedulableMsg(waiting); msg != "0/2 nodes are available: 2 Insufficient cpu." {
		t.Fatalf("unschedulable message %q", msg)
	}
	if _, err := c.Client.Create(t.Context(), node("n3", "1")); err != nil {
		t.Fatal(err)
	}
	apiservertest.Eventually(t, "the waiting pod bound to the new node", func() bool {
		obj, err := c.Client.Get(t.Context(), podsRes, "default", waiting.Name)
		return err == nil && obj.(*corev1.Pod).Spec.NodeName == "n3"
	})
}

func unschedulableMsg(p *corev1.Pod) string {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodScheduled && c.Status == corev1.ConditionFalse && c.Reason == corev1.PodReasonUnschedulable {
			return c.Message
		}
	}
	return ""
}
