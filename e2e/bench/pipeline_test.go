package bench

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// tracker records, per pod, when it was created, bound and Running, from
// one watch started before the pods exist.
type tracker struct {
	mu                      sync.Mutex
	created, bound, running map[string]time.Time
}

func newTracker() *tracker {
	return &tracker{created: map[string]time.Time{}, bound: map[string]time.Time{}, running: map[string]time.Time{}}
}

func (t *tracker) watch(ctx context.Context, b *testing.B, cs *kubernetes.Clientset, ns string) {
	b.Helper()
	w, err := cs.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		defer w.Stop()
		for ev := range w.ResultChan() {
			p, ok := ev.Object.(*corev1.Pod)
			if !ok || ev.Type == watch.Deleted {
				continue
			}
			t.see(p, time.Now())
		}
	}()
}

func (t *tracker) see(p *corev1.Pod, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.bound[p.Name]; !ok && p.Spec.NodeName != "" {
		t.bound[p.Name] = now
	}
	if _, ok := t.running[p.Name]; !ok && p.Status.Phase == corev1.PodRunning {
		t.running[p.Name] = now
	}
}

func (t *tracker) counts() (bound, running int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.bound), len(t.running)
}

// latencies are the p50 and p99 from creation to the times in m.
func (t *tracker) latencies(m map[string]time.Time) (time.Duration, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var d []time.Duration
	for name, at := range m {
		if c, ok := t.created[name]; ok {
			d = append(d, at.Sub(c))
		}
	}
	if len(d) == 0 {
		return 0, 0
	}
	slices.Sort(d)
	return d[len(d)/2], d[len(d)*99/100]
}

func benchPod(name string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{"app": "bench"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "main", Image: "busybox:1.36",
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: mustQty("10m"), corev1.ResourceMemory: mustQty("16Mi")}}}}}}
}

// createPods creates n pods from 32 goroutines, recording creation times.
func createPods(b *testing.B, cs *kubernetes.Clientset, ns string, n int, t *tracker) {
	b.Helper()
	run(b, n, 32, func(i int) error {
		name := fmt.Sprintf("p-%d", i)
		t.mu.Lock()
		t.created[name] = time.Now()
		t.mu.Unlock()
		_, err := cs.CoreV1().Pods(ns).Create(context.Background(), benchPod(name), metav1.CreateOptions{})
		return err
	})
}

func waitCount(b *testing.B, what string, limit time.Duration, done func() bool) {
	b.Helper()
	deadline := time.Now().Add(limit)
	for !done() {
		if time.Now().After(deadline) {
			b.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func clientFor(b *testing.B, kubeconfig string) *kubernetes.Clientset {
	b.Helper()
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		b.Fatal(err)
	}
	cfg.QPS, cfg.Burst = 1e6, 1e6
	return kubernetes.NewForConfigOrDie(cfg)
}

func mib(n int64) string { return fmt.Sprintf("%d MiB", n>>20) }

var _ = cluster.FreeAddr
