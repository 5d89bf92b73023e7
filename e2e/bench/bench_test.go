// Package bench measures kubus end to end: pod creates through the HTTPS
// API against raw KV puts on the same bus, in the same run.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/e2e/cluster"
)

const pods = 10000

// result is one measured run.
type result struct {
	n        int
	elapsed  time.Duration
	p50, p99 time.Duration
}

func (r result) rate() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r result) String() string {
	return fmt.Sprintf("%8.0f/s  p50 %v  p99 %v", r.rate(), r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond))
}

// run calls op n times from conc goroutines and measures each call.
func run(b *testing.B, n, conc int, op func(i int) error) result {
	b.Helper()
	lat := make([]time.Duration, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	start := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				t0 := time.Now()
				if err := op(i); err != nil {
					failed.Store(err)
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	el := time.Since(start)
	slices.Sort(lat)
	return result{n: n, elapsed: el, p50: lat[n/2], p99: lat[n*99/100]}
}

func pod(name string) *corev1.Pod {
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{"app": "bench"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "main", Image: "busybox:1.36",
			Ports: []corev1.ContainerPort{{ContainerPort: 8080}}}}}}
}

// BenchmarkCreatePods prints pod creates/s and latency through HTTPS at
// concurrency 1 and 32, and raw KV puts/s on the same bus, and the ratio.
func BenchmarkCreatePods(b *testing.B) {
	for range b.N {
		// The apiserver alone: controllers would add their own writes
		// (e.g. the scheduler's FailedScheduling for pods with no nodes).
		s := cluster.StartServer(b, "--disable", "all")
		cfg, err := clientcmd.BuildConfigFromFlags("", s.Kubeconfig())
		if err != nil {
			b.Fatal(err)
		}
		cfg.QPS, cfg.Burst = 1e6, 1e6
		cs := kubernetes.NewForConfigOrDie(cfg)
		ctx := context.Background()
		value, _ := json.Marshal(pod("sample"))
		kv := rawKV(b, s.NATSURL())
		for _, conc := range []int{1, 32} {
			api := run(b, pods, conc, func(i int) error {
				_, err := cs.CoreV1().Pods("default").Create(ctx, pod(fmt.Sprintf("c%d-%d", conc, i)), metav1.CreateOptions{})
				return err
			})
			raw := run(b, pods, conc, func(i int) error {
				_, err := kv.Create(ctx, fmt.Sprintf("bench.raw.c%d.%d", conc, i), value)
				return err
			})
			fmt.Printf("concurrency %2d: API pod creates %v | raw KV creates %v | API/KV %.2f\n", conc, api, raw, api.rate()/raw.rate())
			b.ReportMetric(api.rate(), fmt.Sprintf("creates/s@c%d", conc))
			b.ReportMetric(raw.rate(), fmt.Sprintf("kvputs/s@c%d", conc))
			b.ReportMetric(float64(api.p99.Microseconds()), fmt.Sprintf("p99-us@c%d", conc))
		}
	}
}

func rawKV(b *testing.B, url string) *bus.Store {
	b.Helper()
	ctx := context.Background()
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: url, Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(conn.Close)
	kv, err := conn.KV(ctx, bus.KVConfig{Bucket: "bench-raw"})
	if err != nil {
		b.Fatal(err)
	}
	return kv
}
