package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestSchedulerFailover runs two schedulers as their own processes; the
// leader is killed with SIGKILL and the other takes over once the lease
// runs out, binding what the first left, each pod once.
func TestSchedulerFailover(t *testing.T) {
	s := cluster.StartServer(t, "--disable", "scheduler")
	k := cluster.NewKubectl(t, s.Kubeconfig())
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "2", "--metrics-addr", "")
	waitFor(t, "2 Ready nodes", func() bool { return readyNodes(k) == 2 })
	args := []string{"scheduler", "--nats", s.NATSURL(), "--metrics-addr", "", "--leader-elect-lease-duration", "3s"}
	first := cluster.Start(t, args...)
	holder := func() string {
		out, _, _ := k.Run("", "get", "lease", "-n", "kube-system", "kubus-scheduler", "-o", "jsonpath={.spec.holderIdentity}")
		return out
	}
	waitFor(t, "the first scheduler to lead", func() bool { return holder() != "" })
	leader := holder()
	cluster.Start(t, args...)
	k.OK("run", "before", "--image=x")
	waitFor(t, "a pod bound by the first leader", func() bool { return nodeOf(k, "before") != "" })

	first.Kill()
	killed := time.Now()
	for i := range 5 {
		k.OK("run", fmt.Sprintf("after-%d", i), "--image=x")
	}
	waitFor(t, "the second scheduler to take over", func() bool { h := holder(); return h != "" && h != leader })
	for i := range 5 {
		waitFor(t, "pods bound by the new leader", func() bool { return nodeOf(k, fmt.Sprintf("after-%d", i)) != "" })
	}
	t.Logf("new leader bound the waiting pods %v after the old one was killed (lease 3s)", time.Since(killed).Round(100*time.Millisecond))
	if n := strings.Count(k.OK("get", "events", "--field-selector", "reason=FailedScheduling", "-o", "name"), "\n"); n != 0 {
		t.Errorf("%d FailedScheduling events: nothing should have failed", n)
	}
}

func nodeOf(k *cluster.Kubectl, pod string) string {
	out, _, _ := k.Run("", "get", "pod", pod, "-o", "jsonpath={.spec.nodeName}")
	return out
}
