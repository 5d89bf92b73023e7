package core

import (
	"fmt"
	"math/rand/v2"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// benchCluster is a cluster of n nodes in 3 zones, 3 of them control plane,
// each running 30 pods of 100 ReplicaSets, half of those behind a Service.
func benchCluster(n int) ([]*corev1.Node, []*corev1.Pod, []*corev1.Service) {
	nodes := make([]*corev1.Node, 0, n)
	pods := make([]*corev1.Pod, 0, n*30)
	for i := range n {
		name := fmt.Sprintf("node-%05d", i)
		opts := []nodeOpt{withLabels("topology.kubernetes.io/zone", fmt.Sprintf("zone-%d", i%3)), withAllocatable(corev1.ResourcePods, "1000")}
		if i < 3 {
			opts = append(opts, withTaint("node-role.kubernetes.io/control-plane", "", corev1.TaintEffectNoSchedule))
		}
		nodes = append(nodes, makeNode(name, "64", "256Gi", opts...))
		for j := range 30 {
			app := fmt.Sprintf("app-%d", (i*30+j)%100)
			pods = append(pods, makePod(fmt.Sprintf("%s-%d", name, j), "100m", "128Mi",
				onNode(name), ownedBy("ReplicaSet", app), withPodLabels("app", app)))
		}
	}
	services := make([]*corev1.Service, 0, 51)
	for i := 0; i < 100; i += 2 {
		services = append(services, benchService(fmt.Sprintf("app-%d", i)))
	}
	return nodes, pods, append(services, benchService("bench"))
}

func benchService(app string) *corev1.Service {
	return &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: app, Namespace: "default"}, Spec: corev1.ServiceSpec{Selector: map[string]string{"app": app}}}
}

// BenchmarkSchedule measures a scheduling loop: decide and assume one
// replica of a Deployment behind a Service, with requests.
func BenchmarkSchedule(b *testing.B) {
	for _, bc := range []struct {
		nodes, percentage int
	}{{1000, 0}, {5000, 0}, {5000, 100}} {
		name := fmt.Sprintf("nodes=%d", bc.nodes)
		if bc.percentage != 0 {
			name += fmt.Sprintf("/score=%d%%", bc.percentage)
		}
		b.Run(name, func(b *testing.B) {
			nodes, existing, services := benchCluster(bc.nodes)
			s := NewSnapshot(nodes, existing)
			s.SetServices(services)
			s.SetConfig(Config{PercentageOfNodesToScore: bc.percentage, Rand: rand.New(rand.NewPCG(1, 2))})
			pods := make([]*corev1.Pod, b.N)
			for i := range pods {
				pods[i] = makePod(fmt.Sprintf("bench-%d", i), "100m", "128Mi", ownedBy("ReplicaSet", "bench"), withPodLabels("app", "bench"))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				node, err := s.Schedule(pods[i])
				if err != nil {
					b.Fatal(err)
				}
				pods[i].Spec.NodeName = node
				s.AddPod(pods[i])
			}
		})
	}
}

// BenchmarkNewSnapshot measures building the snapshot from the informers'
// initial lists, Services included: a scheduler's start-up cost.
func BenchmarkNewSnapshot(b *testing.B) {
	nodes, pods, services := benchCluster(5000)
	b.Run("nodes=5000/pods=150000", func(b *testing.B) {
		for range b.N {
			NewSnapshot(nodes, pods).SetServices(services)
		}
	})
}
