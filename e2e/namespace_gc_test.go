package e2e

import (
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestKubectlDeleteNamespace runs the namespace controller as its own
// process: `kubectl delete namespace` waits until the namespace is gone,
// and nothing that was in it is left.
func TestKubectlDeleteNamespace(t *testing.T) {
	s := cluster.StartServer(t)
	cluster.Start(t, "namespace-controller", "--nats", s.NATSURL(), "--metrics-addr", cluster.FreeAddr(t))
	k := cluster.NewKubectl(t, s.Kubeconfig())
	k.OK("create", "namespace", "x")
	k.OK("-n", "x", "create", "configmap", "settings", "--from-literal=k=v")
	k.OK("-n", "x", "create", "secret", "generic", "token", "--from-literal=k=v")
	k.OK("-n", "x", "run", "web", "--image=nginx")
	k.OK("delete", "namespace", "x", "--timeout=60s")
	if e := k.Fails("", "get", "namespace", "x"); !strings.Contains(e, "NotFound") {
		t.Fatalf("namespace after delete: %s", e)
	}
	for _, obj := range []string{"configmap/settings", "secret/token", "pod/web"} {
		if e := k.Fails("", "-n", "x", "get", obj); !strings.Contains(e, "NotFound") {
			t.Fatalf("%s outlived its namespace: %s", obj, e)
		}
	}
}

// TestKubectlCascade runs the garbage collector as its own process and
// deletes a ReplicaSet owning pods with kubectl's --cascade modes.
func TestKubectlCascade(t *testing.T) {
	// No replication controller: the owners below keep no pods of their
	// own (they have replicas 0) and must not scale the test's pods away.
	s := cluster.StartServer(t, "--disable", "replication-controller,gc")
	cluster.Start(t, "gc", "--nats", s.NATSURL(), "--metrics-addr", cluster.FreeAddr(t))
	k := cluster.NewKubectl(t, s.Kubeconfig())

	ownedPods(t, k, "kept")
	k.OK("delete", "replicaset", "kept", "--cascade=orphan", "--timeout=60s")
	for _, p := range []string{"kept-0", "kept-1"} {
		if refs := k.OK("get", "pod", p, "-o", "jsonpath={.metadata.ownerReferences}"); refs != "" {
			t.Fatalf("orphaned pod %s still refers to its owner: %s", p, refs)
		}
	}

	ownedPods(t, k, "gone")
	k.OK("delete", "replicaset", "gone", "--timeout=60s")
	waitFor(t, "the pods of the deleted ReplicaSet to be collected", func() bool {
		return strings.TrimSpace(k.OK("get", "pods", "-l", "app=gone", "-o", "name")) == ""
	})

	ownedPods(t, k, "first")
	k.OK("delete", "replicaset", "first", "--cascade=foreground", "--timeout=60s")
	if out := strings.TrimSpace(k.OK("get", "pods", "-l", "app=first", "-o", "name")); out != "" {
		t.Fatalf("pods left after a foreground delete returned: %s", out)
	}

	// A v1 ReplicationController deleted through the API with no policy
	// orphans its pods, as kube-apiserver keeps for backward compatibility.
	uid := ownerWithPods(t, k, "v1", "ReplicationController", "legacy")
	k.OK("delete", "--raw", "/api/v1/namespaces/default/replicationcontrollers/legacy")
	waitFor(t, "the ReplicationController to go", func() bool {
		_, _, err := k.Run("", "get", "replicationcontroller", "legacy")
		return err != nil
	})
	for _, p := range []string{"legacy-0", "legacy-1"} {
		if refs := k.OK("get", "pod", p, "-o", "jsonpath={.metadata.ownerReferences}"); strings.Contains(refs, uid) {
			t.Fatalf("pod %s of a ReplicationController deleted without a policy: refs %s, want orphaned", p, refs)
		}
	}
}

// ownedPods creates ReplicaSet name (no replication controller runs, so
// it makes no pods itself) and two pods owned by it.
func ownedPods(t *testing.T, k *cluster.Kubectl, name string) {
	t.Helper()
	ownerWithPods(t, k, "apps/v1", "ReplicaSet", name)
}

// ownerWithPods creates a workload of kind with no replicas, and two pods
// it owns; it returns the owner's uid.
func ownerWithPods(t *testing.T, k *cluster.Kubectl, apiVersion, kind, name string) string {
	t.Helper()
	selector := `{matchLabels: {app: ` + name + `}}`
	if kind == "ReplicationController" {
		selector = `{app: ` + name + `}`
	}
	k.Apply(`apiVersion: `+apiVersion+`
kind: `+kind+`
metadata: {name: `+name+`}
spec:
  replicas: 0
  selector: `+selector+`
  template:
    metadata: {labels: {app: `+name+`}}
    spec: {containers: [{name: c, image: nginx}]}
`, "apply", "-f", "-")
	uid := k.OK("get", strings.ToLower(kind), name, "-o", "jsonpath={.metadata.uid}")
	for _, p := range []string{name + "-0", name + "-1"} {
		k.Apply(`apiVersion: v1
kind: Pod
metadata:
  name: `+p+`
  labels: {app: `+name+`}
  ownerReferences: [{apiVersion: `+apiVersion+`, kind: `+kind+`, name: `+name+`, uid: `+uid+`, controller: true, blockOwnerDeletion: true}]
spec: {containers: [{name: c, image: nginx}]}
`, "apply", "-f", "-")
	}
	return uid
}
