package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/services/sim"
)

// BenchmarkControllers prints the time from creating a 1,000-replica
// Deployment to all replicas available on 1,000 simulated nodes, the time
// of its rolling update, and the time from a node's last heartbeat to its
// pods running elsewhere with lab settings. `make bench-controllers`.
func BenchmarkControllers(b *testing.B) {
	const nodes, replicas = 1000, 1000
	for range b.N {
		s := cluster.StartServer(b, "--node-monitor-grace-period", "6s", "--node-monitor-period", "1s",
			"--default-unreachable-toleration-seconds", "1", "--default-not-ready-toleration-seconds", "1")
		cluster.Start(b, "sim", "--nats", s.NATSURL(), "--nodes", fmt.Sprint(nodes), "--metrics-addr", "", "--lease-interval", "2s")
		cs := clientFor(b, s.Kubeconfig())
		waitCount(b, "nodes registered", 5*time.Minute, func() bool {
			l, err := cs.CoreV1().Nodes().List(context.Background(), metav1.ListOptions{ResourceVersion: "0"})
			return err == nil && len(l.Items) == nodes
		})
		ctx := context.Background()
		start := time.Now()
		if _, err := cs.AppsV1().Deployments("default").Create(ctx, deployment(replicas), metav1.CreateOptions{}); err != nil {
			b.Fatal(err)
		}
		waitDeployment(b, cs, 1, replicas)
		created := time.Since(start)
		start = time.Now()
		patch := []byte(`{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}`)
		if _, err := cs.AppsV1().Deployments("default").Patch(ctx, "web", types.StrategicMergePatchType, patch, metav1.PatchOptions{}); err != nil {
			b.Fatal(err)
		}
		waitDeployment(b, cs, 2, replicas)
		rolled := time.Since(start)
		failover := nodeFailover(b, cs, s, replicas)
		fmt.Printf("%d nodes: %d-replica Deployment all available %v after create | rolling update %v | node failover (grace 6s, toleration 1s) %v\n",
			nodes, replicas, created.Round(time.Millisecond), rolled.Round(time.Millisecond), failover.Round(time.Millisecond))
		b.ReportMetric(created.Seconds(), "s-to-available")
		b.ReportMetric(rolled.Seconds(), "s-rollout")
		b.ReportMetric(failover.Seconds(), "s-failover")
	}
}

func deployment(n int32) *appsv1.Deployment {
	labels := map[string]string{"app": "web"}
	return &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "web"}, Spec: appsv1.DeploymentSpec{Replicas: &n,
		Selector: &metav1.LabelSelector{MatchLabels: labels},
		Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels},
			Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "web", Image: "nginx:1"}}}}}}
}

// waitDeployment waits until generation gen is observed and fully rolled out.
func waitDeployment(b *testing.B, cs *kubernetes.Clientset, gen int64, n int32) {
	b.Helper()
	waitCount(b, "deployment available", 10*time.Minute, func() bool {
		d, err := cs.AppsV1().Deployments("default").Get(context.Background(), "web", metav1.GetOptions{})
		st := d.Status
		return err == nil && st.ObservedGeneration >= gen && st.UpdatedReplicas == n && st.AvailableReplicas == n && st.Replicas == n
	})
}

// nodeFailover stops the heartbeat of the node with most pods and times
// until the Deployment is fully available with none of them left there.
func nodeFailover(b *testing.B, cs *kubernetes.Clientset, s *cluster.Server, n int32) time.Duration {
	b.Helper()
	ctx := context.Background()
	pods, err := cs.CoreV1().Pods("default").List(ctx, metav1.ListOptions{})
	if err != nil {
		b.Fatal(err)
	}
	victim := pods.Items[0].Spec.NodeName
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: s.NATSURL(), Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	off := false
	start := time.Now()
	if _, err := sim.Control(ctx, conn, "sim-", sim.Command{Node: victim, Heartbeat: &off}); err != nil {
		b.Fatal(err)
	}
	waitCount(b, "pods moved off the dead node", 5*time.Minute, func() bool {
		l, err := cs.CoreV1().Pods("default").List(ctx, metav1.ListOptions{FieldSelector: "spec.nodeName=" + victim})
		if err != nil {
			return false
		}
		for _, p := range l.Items {
			if p.DeletionTimestamp == nil {
				return false
			}
		}
		d, err := cs.AppsV1().Deployments("default").Get(ctx, "web", metav1.GetOptions{})
		return err == nil && d.Status.AvailableReplicas == n
	})
	return time.Since(start)
}
