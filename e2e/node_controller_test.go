package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestNodeController runs the node controller as its own process with lab
// timings, plays a kubelet with kubectl, and watches a node get its pod
// CIDR, go Unknown and tainted when its Lease is not renewed, lose its pod
// once the (flag-shortened) default toleration runs out, and recover when
// the Lease is renewed again.
func TestNodeController(t *testing.T) {
	s := cluster.StartServer(t)
	cluster.Start(t, "node-controller", "--nats", s.NATSURL(), "--metrics-addr", cluster.FreeAddr(t),
		"--node-monitor-grace-period", "2s", "--node-monitor-period", "200ms", "--default-unreachable-toleration-seconds", "1",
		"--cluster-cidr", "10.200.0.0/16", "--node-cidr-mask-size", "24")
	k := cluster.NewKubectl(t, s.Kubeconfig())
	k.Apply(`apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  conditions: [{type: Ready, status: "True", reason: KubeletReady, lastHeartbeatTime: "`+time.Now().UTC().Format(time.RFC3339)+`"}]
`, "apply", "-f", "-")
	renew(k)
	waitFor(t, "n1's pod CIDR", func() bool {
		return strings.HasPrefix(k.OK("get", "node", "n1", "-o", "jsonpath={.spec.podCIDR}"), "10.200.")
	})
	k.Apply(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {nodeName: n1, terminationGracePeriodSeconds: 1, containers: [{name: c, image: nginx}]}
`, "apply", "-f", "-")

	waitFor(t, "n1 to be Unknown and tainted unreachable", func() bool {
		ready := k.OK("get", "node", "n1", "-o", `jsonpath={.status.conditions[?(@.type=="Ready")].status}`)
		taints := k.OK("get", "node", "n1", "-o", "jsonpath={.spec.taints[*].key}")
		return ready == "Unknown" && strings.Contains(taints, "node.kubernetes.io/unreachable")
	})
	waitFor(t, "the pod to be evicted and force-deleted", func() bool {
		_, e, err := k.Run("", "get", "pod", "web")
		return err != nil && strings.Contains(e, "NotFound")
	})

	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(300 * time.Millisecond):
				renew(k)
			}
		}
	}()
	waitFor(t, "n1 to be Ready and untainted", func() bool {
		ready := k.OK("get", "node", "n1", "-o", `jsonpath={.status.conditions[?(@.type=="Ready")].status}`)
		return ready == "True" && k.OK("get", "node", "n1", "-o", "jsonpath={.spec.taints}") == ""
	})
}

// renew writes n1's Lease with the current time, as its kubelet would.
func renew(k *cluster.Kubectl) {
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000000Z")
	_, _, _ = k.Run(`apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: n1, namespace: kube-node-lease}
spec: {holderIdentity: n1, leaseDurationSeconds: 40, renewTime: "`+now+`"}
`, "apply", "-f", "-")
}
