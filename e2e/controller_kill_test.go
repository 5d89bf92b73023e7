package e2e

import (
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// controllers are the services kubus server runs beside the apiserver.
var controllers = []string{"replication-controller", "scheduler", "endpoints-controller", "serviceaccount-controller",
	"node-controller", "namespace-controller", "gc"}

// TestControllersKill9MidRollout runs every controller as its own process,
// kills each with SIGKILL in the middle of a rollout, restarts it, and
// checks the rollout finishes with exactly the wanted pods.
func TestControllersKill9MidRollout(t *testing.T) {
	s := labServer(t, "--disable", "all")
	k := cluster.NewKubectl(t, s.Kubeconfig())
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "3", "--metrics-addr", "", "--pod-start-delay", "200ms")
	procs := map[string]*cluster.Process{}
	for _, name := range controllers {
		procs[name] = cluster.Start(t, name, "--nats", s.NATSURL(), "--metrics-addr", "", "--leader-elect-lease-duration", "2s")
	}
	waitFor(t, "3 Ready nodes", func() bool { return readyNodes(k) == 3 })
	k.Apply(strings.Replace(webAppManifest, "replicas: 50", "replicas: 30", 1), "apply", "-f", "-")
	k.OK("rollout", "status", "deploy/web", "--timeout=120s")
	k.OK("set", "image", "deploy/web", "web=nginx:2")
	waitFor(t, "the rollout under way", func() bool {
		return k.OK("get", "deploy", "web", "-o", "jsonpath={.status.updatedReplicas}") >= "1"
	})
	for _, name := range controllers {
		procs[name].Kill()
		procs[name].Restart()
		t.Logf("killed and restarted %s", name)
	}
	k.OK("rollout", "status", "deploy/web", "--timeout=120s")
	waitFor(t, "exactly 30 pods, all new", func() bool { return podCount(k) == 30 && podImages(k) == "nginx:2" })
	waitFor(t, "endpoints of all 30", func() bool {
		out, _, _ := k.Run("", "get", "endpoints", "web", "-o", "jsonpath={.subsets[*].addresses[*].ip}")
		return len(strings.Fields(out)) == 30
	})
}
