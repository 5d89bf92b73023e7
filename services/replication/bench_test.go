package replication_test

import (
	"fmt"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"

	"github.com/kubus-dev/kubus/services/replication"
)

// BenchmarkDeployment1000 measures a 1,000-replica Deployment from create
// to all pods available, with a fake kubelet marking each pod ready as
// soon as it sees it (simulated nodes). The goal is under 3 s.
func BenchmarkDeployment1000(b *testing.B) {
	e := startWith(b, func(*replication.Config) {})
	for i := range b.N {
		ns := e.namespace(b, fmt.Sprintf("bench-%d", i))
		e.fakeKubelet(b, ns, always)
		start := time.Now()
		if _, err := e.Client.Create(b.Context(), deploymentOf(ns, "web", 1000, "nginx:1")); err != nil {
			b.Fatal(err)
		}
		var created time.Duration
		eventually(b, "1000 available", func() (bool, string) {
			obj, err := e.Client.Get(b.Context(), deploymentsRes, ns, "web")
			if err != nil {
				return false, err.Error()
			}
			st := obj.(*appsv1.Deployment).Status
			if created == 0 && st.Replicas == 1000 {
				created = time.Since(start)
			}
			return st.AvailableReplicas == 1000, fmt.Sprintf("%+v", st)
		})
		b.ReportMetric(created.Seconds(), "s-to-created")
		b.ReportMetric(time.Since(start).Seconds(), "s-to-available")
	}
}
