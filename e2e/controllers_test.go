package e2e

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/services/sim"
)

const webAppManifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 50
  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 5, maxSurge: 5}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1", ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`

// labServer is kubus server with node failure handling shortened for tests.
func labServer(t *testing.T, extra ...string) *cluster.Server {
	t.Helper()
	return cluster.StartServer(t, append([]string{"--node-monitor-grace-period", "4s", "--node-monitor-period", "1s",
		"--default-unreachable-toleration-seconds", "2", "--default-not-ready-toleration-seconds", "2"}, extra...)...)
}

// TestDeploymentLifecycle drives a Deployment on simulated nodes the way a
// user does, with every controller running in kubus server.
func TestDeploymentLifecycle(t *testing.T) {
	s := labServer(t)
	k := cluster.NewKubectl(t, s.Kubeconfig())
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "5", "--metrics-addr", "", "--lease-interval", "1s")
	waitFor(t, "5 Ready nodes", func() bool { return readyNodes(k) == 5 })
	k.Apply(webAppManifest, "apply", "-f", "-")
	k.OK("rollout", "status", "deploy/web", "--timeout=120s")
	if got := k.OK("get", "deploy", "web", "-o", "jsonpath={.status.availableReplicas}"); got != "50" {
		t.Fatalf("available = %s, want 50", got)
	}

	t.Run("rolling update keeps maxUnavailable", func(t *testing.T) {
		low := watchReady(t, s)
		k.OK("set", "image", "deploy/web", "web=nginx:2")
		k.OK("rollout", "status", "deploy/web", "--timeout=120s")
		if m := low(); m < 45 {
			t.Fatalf("ready pods fell to %d during the rollout; maxUnavailable 5 allows 45", m)
		}
		if imgs := podImages(k); imgs != "nginx:2" {
			t.Fatalf("images after rollout: %q", imgs)
		}
	})
	t.Run("rollout undo", func(t *testing.T) {
		k.OK("rollout", "undo", "deploy/web")
		k.OK("rollout", "status", "deploy/web", "--timeout=120s")
		if imgs := podImages(k); imgs != "nginx:1" {
			t.Fatalf("images after undo: %q", imgs)
		}
	})
	t.Run("scale", func(t *testing.T) {
		k.OK("scale", "deploy/web", "--replicas=20")
		waitFor(t, "20 pods", func() bool { return podCount(k) == 20 })
		k.OK("rollout", "status", "deploy/web", "--timeout=60s")
	})
	t.Run("endpoints follow the pods", func(t *testing.T) {
		waitFor(t, "20 ready endpoints", func() bool {
			out, _, _ := k.Run("", "get", "endpoints", "web", "-o", "jsonpath={.subsets[*].addresses[*].ip}")
			return len(strings.Fields(out)) == 20
		})
	})
	t.Run("a dead node's pods move", func(t *testing.T) {
		victim := busiestNode(k)
		stopHeartbeat(t, s, victim)
		cs := clientset(t, s.Kubeconfig())
		waitFor(t, "the node's pods evicted and running elsewhere", func() bool {
			l, err := cs.CoreV1().Pods("default").List(t.Context(), metav1.ListOptions{FieldSelector: "spec.nodeName=" + victim})
			if err != nil {
				return false
			}
			for _, p := range l.Items {
				if p.DeletionTimestamp == nil {
					return false // still counted as running there
				}
			}
			return k.OK("get", "deploy", "web", "-o", "jsonpath={.status.availableReplicas}") == "20"
		})
		if st := k.OK("get", "node", victim, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"); st != "Unknown" {
			t.Errorf("dead node Ready = %q, want Unknown", st)
		}
	})
	t.Run("delete removes replica sets and pods", func(t *testing.T) {
		k.OK("delete", "deploy", "web")
		waitFor(t, "replica sets and pods gone", func() bool {
			return strings.TrimSpace(k.OK("get", "rs,pods", "-o", "name")) == ""
		})
	})
}

// watchReady follows pods and returns a func giving the lowest number of
// ready, non-terminating pods seen at any moment since.
func watchReady(t *testing.T, s *cluster.Server) func() int {
	t.Helper()
	cs := clientset(t, s.Kubeconfig())
	w, err := cs.CoreV1().Pods("default").Watch(t.Context(), metav1.ListOptions{LabelSelector: "app=web", SendInitialEvents: ptr(true),
		ResourceVersionMatch: metav1.ResourceVersionMatchNotOlderThan, AllowWatchBookmarks: true})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	ready := map[string]bool{}
	lowest, synced := 1<<30, false
	go func() {
		for ev := range w.ResultChan() {
			mu.Lock()
			if p, ok := ev.Object.(*corev1.Pod); ok && ev.Type != "BOOKMARK" {
				ready[p.Name] = ev.Type != "DELETED" && p.DeletionTimestamp == nil && podIsReady(p)
			} else if ev.Type == "BOOKMARK" {
				synced = true
			}
			if n := count(ready); synced && n < lowest {
				lowest = n
			}
			mu.Unlock()
		}
	}()
	t.Cleanup(w.Stop)
	waitFor(t, "the watch's initial state", func() bool { mu.Lock(); defer mu.Unlock(); return synced })
	return func() int { mu.Lock(); defer mu.Unlock(); return lowest }
}

func podIsReady(p *corev1.Pod) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func count(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}

func podImages(k *cluster.Kubectl) string {
	out := k.OK("get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.spec.containers[0].image}{\"\\n\"}{end}")
	seen := map[string]bool{}
	for _, l := range strings.Fields(out) {
		seen[l] = true
	}
	var imgs []string
	for img := range seen {
		imgs = append(imgs, img)
	}
	return strings.Join(imgs, ",")
}

func podCount(k *cluster.Kubectl) int {
	return len(strings.Fields(k.OK("get", "pods", "-l", "app=web", "-o", "name")))
}

func busiestNode(k *cluster.Kubectl) string {
	counts := map[string]int{}
	best := ""
	for _, n := range strings.Fields(k.OK("get", "pods", "-o", "jsonpath={.items[*].spec.nodeName}")) {
		counts[n]++
		if counts[n] > counts[best] {
			best = n
		}
	}
	return best
}

func stopHeartbeat(t *testing.T, s *cluster.Server, node string) {
	t.Helper()
	conn, err := bus.Connect(t.Context(), bus.ConnConfig{URL: s.NATSURL(), Name: "e2e"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	off := false
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if _, err := sim.Control(ctx, conn, "sim-", sim.Command{Node: node, Heartbeat: &off}); err != nil {
		t.Fatalf("stop %s: %v", node, err)
	}
}

func ptr[T any](v T) *T { return &v }
