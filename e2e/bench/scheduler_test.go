package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

func mustQty(s string) resource.Quantity { return resource.MustParse(s) }

// BenchmarkScheduler prints pods bound per second, create-to-bound and
// create-to-Running latency and peak RSS per process, with kubus sim
// nodes; then the scheduler-only rate: pods created first, scheduler
// started after. `make bench-scheduler` runs it. 1,000 nodes with 1,000
// pods is the case upstream's memory figure is given for.
func BenchmarkScheduler(b *testing.B) {
	for _, size := range []struct{ nodes, pods int }{{1000, 1000}, {1000, 10000}, {5000, 50000}} {
		b.Run(fmt.Sprintf("nodes=%d/pods=%d", size.nodes, size.pods), func(b *testing.B) {
			for range b.N {
				pipeline(b, size.nodes, size.pods)
				schedulerOnly(b, size.nodes, size.pods)
			}
		})
	}
}

type lab struct {
	server, scheduler, sim *cluster.Process
	s                      *cluster.Server
}

func startLab(b *testing.B, nodes int, withScheduler bool) *lab {
	b.Helper()
	s := cluster.StartServer(b, "--disable", "scheduler")
	l := &lab{s: s, server: s.Process}
	l.sim = cluster.Start(b, "sim", "--nats", s.NATSURL(), "--nodes", fmt.Sprint(nodes), "--metrics-addr", "", "--capacity", "cpu=32,memory=256Gi,pods=110")
	cs := clientFor(b, s.Kubeconfig())
	waitCount(b, "sim nodes registered", 5*time.Minute, func() bool {
		l, err := cs.CoreV1().Nodes().List(context.Background(), metav1.ListOptions{ResourceVersion: "0"})
		return err == nil && len(l.Items) == nodes
	})
	if withScheduler {
		l.startScheduler(b)
	}
	return l
}

// stop ends every process of the lab, so the next measurement has the
// machine to itself; on failure their logs go into the output first.
func (l *lab) stop(b *testing.B) {
	for _, p := range []*cluster.Process{l.scheduler, l.sim, l.server} {
		if p != nil && b.Failed() {
			p.Dump()
		}
	}
	for _, p := range []*cluster.Process{l.scheduler, l.sim, l.server} {
		if p != nil {
			p.Stop()
		}
	}
}

func (l *lab) startScheduler(b *testing.B) {
	l.scheduler = cluster.Start(b, "scheduler", "--nats", l.s.NATSURL(), "--metrics-addr", "", "--leader-elect=false")
}

func pipeline(b *testing.B, nodes, pods int) {
	l := startLab(b, nodes, true)
	defer l.stop(b)
	cs := clientFor(b, l.s.Kubeconfig())
	t := newTracker()
	t.watch(b.Context(), b, cs, "default")
	start := time.Now()
	createPods(b, cs, "default", pods, t)
	waitCount(b, "all pods bound", 10*time.Minute, func() bool { n, _ := t.counts(); return n >= pods })
	boundAll := time.Since(start)
	waitCount(b, "all pods Running", 10*time.Minute, func() bool { _, n := t.counts(); return n >= pods })
	bp50, bp99 := t.latencies(t.bound)
	rp50, rp99 := t.latencies(t.running)
	fmt.Printf("%d nodes, %d pods: %.0f pods bound/s | create->bound p50 %v p99 %v | create->Running p50 %v p99 %v | peak RSS server %s scheduler %s sim %s\n",
		nodes, pods, float64(pods)/boundAll.Seconds(), bp50.Round(time.Millisecond), bp99.Round(time.Millisecond), rp50.Round(time.Millisecond), rp99.Round(time.Millisecond),
		mib(l.server.PeakRSS()), mib(l.scheduler.PeakRSS()), mib(l.sim.PeakRSS()))
	b.ReportMetric(float64(pods)/boundAll.Seconds(), "binds/s")
}

func schedulerOnly(b *testing.B, nodes, pods int) {
	l := startLab(b, nodes, false)
	defer l.stop(b)
	cs := clientFor(b, l.s.Kubeconfig())
	t := newTracker()
	t.watch(b.Context(), b, cs, "default")
	createPods(b, cs, "default", pods, t)
	start := time.Now()
	l.startScheduler(b)
	waitCount(b, "all pods bound", 10*time.Minute, func() bool { n, _ := t.counts(); return n >= pods })
	el := time.Since(start)
	fmt.Printf("%d nodes, %d pending pods, scheduler started after: %.0f binds/s (%v from scheduler start, including its start-up), scheduler peak RSS %s\n",
		nodes, pods, float64(pods)/el.Seconds(), el.Round(time.Millisecond), mib(l.scheduler.PeakRSS()))
	b.ReportMetric(float64(pods)/el.Seconds(), "scheduler-only-binds/s")
}
