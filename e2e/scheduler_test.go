package e2e

import (
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// placements are pods whose constraints leave one right place each.
const placements = `apiVersion: v1
kind: Pod
metadata: {name: wants-ssd}
spec:
  nodeSelector: {disk: ssd}
  containers: [{name: c, image: x, resources: {requests: {cpu: 500m}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: tolerates-gpu}
spec:
  tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [gpu-0]}]
  containers: [{name: c, image: x}]
---
apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers: [{name: c, image: x, resources: {requests: {cpu: 1500m}}}]
`

// stranded fits nowhere: the only node with its label is tainted and it
// does not tolerate that.
const stranded = `apiVersion: v1
kind: Pod
metadata: {name: stranded}
spec:
  nodeSelector: {accel: gpu}
  containers: [{name: c, image: x}]
`

// TestSchedulerPlacesPods runs kubus server with two kubus sim fleets: pods
// with requests, selectors, affinity and tolerations land where they must,
// an unschedulable pod says why in describe, and it is scheduled once a
// fitting node appears.
func TestSchedulerPlacesPods(t *testing.T) {
	s := cluster.StartServer(t)
	k := cluster.NewKubectl(t, s.Kubeconfig())
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "2", "--name-prefix", "ssd-", "--metrics-addr", "",
		"--labels", "disk=ssd", "--capacity", "cpu=2,memory=8Gi,pods=110")
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "1", "--name-prefix", "gpu-", "--metrics-addr", "",
		"--labels", "accel=gpu", "--taints", "dedicated=gpu:NoSchedule", "--capacity", "cpu=4,memory=8Gi,pods=110")
	waitFor(t, "3 Ready nodes", func() bool { return readyNodes(k) == 3 })
	k.Apply(placements, "create", "-f", "-")
	k.Apply(stranded, "create", "-f", "-")
	want := map[string]string{"wants-ssd": "ssd-", "tolerates-gpu": "gpu-0", "big": "ssd-"}
	for pod, prefix := range want {
		waitFor(t, pod+" Running", func() bool {
			out, _, err := k.Run("", "get", "pod", pod, "-o", "jsonpath={.status.phase} {.spec.nodeName}")
			return err == nil && strings.HasPrefix(out, "Running ")
		})
		node := strings.Fields(k.OK("get", "pod", pod, "-o", "jsonpath={.status.phase} {.spec.nodeName}"))[1]
		if !strings.HasPrefix(node, prefix) {
			t.Errorf("%s landed on %s, want %s*", pod, node, prefix)
		}
	}
	wantMsg := "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 node(s) didn't match Pod's node affinity/selector."
	waitFor(t, "the stranded pod's reason in describe", func() bool {
		out, _, _ := k.Run("", "describe", "pod", "stranded")
		return strings.Contains(out, wantMsg) && strings.Contains(out, "FailedScheduling")
	})
	cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "1", "--name-prefix", "gpu-free-", "--metrics-addr", "", "--labels", "accel=gpu")
	waitFor(t, "the stranded pod on the new node", func() bool {
		out, _, _ := k.Run("", "get", "pod", "stranded", "-o", "jsonpath={.spec.nodeName}")
		return out == "gpu-free-0"
	})
}

// readyNodes counts nodes whose STATUS is Ready (cordoned ones included).
func readyNodes(k *cluster.Kubectl) int {
	out, _, _ := k.Run("", "get", "nodes", "--no-headers")
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 1 && strings.HasPrefix(f[1], "Ready") {
			n++
		}
	}
	return n
}
