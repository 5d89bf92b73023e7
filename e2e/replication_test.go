package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

const webDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`

// TestReplicationController drives `kubus replication-controller` with
// kubectl as a user would. There is no kubelet here, so pods stay Pending
// and rollouts never complete: what is checked is what kubectl shows of
// replica sets, pods and revisions.
func TestReplicationController(t *testing.T) {
	s := cluster.StartServer(t)
	p := cluster.Start(t, "replication-controller", "--nats", s.NATSURL(), "--metrics-addr", cluster.FreeAddr(t), "--leader-elect-lease-duration", "2s")
	k := cluster.NewKubectl(t, s.Kubeconfig())
	k.Apply(webDeployment, "apply", "-f", "-")
	waitReplicaSets(t, k, `web-\w+\s+3\s+3\s+0\s`)
	if pods := k.OK("get", "pods", "-l", "app=web", "-o", "name"); strings.Count(pods, "pod/web-") != 3 {
		p.Dump()
		t.Fatalf("pods: %q", pods)
	}

	k.OK("scale", "deployment/web", "--replicas=5")
	waitReplicaSets(t, k, `web-\w+\s+5\s+5\s+0\s`)

	t.Run("kill -9 and restart creates no pod twice", func(t *testing.T) {
		p.Kill()
		p.Restart()
		k.OK("scale", "deployment/web", "--replicas=6")
		waitReplicaSets(t, k, `web-\w+\s+6\s+6\s+0\s`)
		if pods := k.OK("get", "pods", "-l", "app=web", "-o", "name"); strings.Count(pods, "pod/web-") != 6 {
			t.Fatalf("pods after restart: %q", pods)
		}
	})

	k.OK("set", "image", "deployment/web", "web=nginx:1.28")
	waitHistory(t, k, "1", "2")
	k.OK("rollout", "undo", "deployment/web")
	waitHistory(t, k, "2", "3")

	k.OK("rollout", "pause", "deployment/web")
	k.OK("set", "image", "deployment/web", "web=nginx:1.29")
	waitFor(t, "the paused change observed", func() bool {
		out := k.OK("get", "deploy", "web", "-o", "jsonpath={.metadata.generation} {.status.observedGeneration}")
		f := strings.Fields(out)
		return len(f) == 2 && f[0] == f[1]
	})
	waitHistory(t, k, "2", "3")
	k.OK("rollout", "resume", "deployment/web")
	waitHistory(t, k, "2", "3", "4")
	k.OK("rollout", "restart", "deployment/web")
	waitHistory(t, k, "2", "3", "4", "5")

	if ev := k.OK("get", "events"); !strings.Contains(ev, "ScalingReplicaSet") || !strings.Contains(ev, "SuccessfulCreate") {
		t.Errorf("events lack ScalingReplicaSet or SuccessfulCreate:\n%s", ev)
	}
}

// waitReplicaSets waits for `kubectl get rs` to list exactly one replica
// set, matching row.
func waitReplicaSets(t *testing.T, k *cluster.Kubectl, row string) {
	t.Helper()
	re := regexp.MustCompile(`(?m)^` + row)
	var out string
	waitFor(t, "replica sets "+row, func() bool {
		out, _, _ = k.Run("", "get", "rs")
		return re.MatchString(out) && strings.Count(out, "\n") == 2
	})
}

// waitHistory waits for `kubectl rollout history` to list these revisions.
func waitHistory(t *testing.T, k *cluster.Kubectl, revisions ...string) {
	t.Helper()
	waitFor(t, "revisions "+strings.Join(revisions, ","), func() bool {
		out, _, _ := k.Run("", "rollout", "history", "deployment/web")
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if f := strings.Fields(line); len(f) == 2 && f[1] == "<none>" {
				got = append(got, f[0])
			}
		}
		return strings.Join(got, ",") == strings.Join(revisions, ",")
	})
}
