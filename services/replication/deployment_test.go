package replication_test

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/services/replication/pods"
	"github.com/kubus-dev/kubus/services/replication/rollout"
)

func TestDeployment(t *testing.T) {
	e := start(t)
	t.Run("rolling update keeps availability, undo reuses the old replica set", func(t *testing.T) { testRollingUndo(t, e) })
	t.Run("pause stops a rollout, resume continues it", func(t *testing.T) { testPause(t, e) })
	t.Run("recreate deletes old pods before creating new ones", func(t *testing.T) { testRecreate(t, e) })
	t.Run("scaling mid-rollout is proportional", func(t *testing.T) { testProportional(t, e) })
	t.Run("a stuck rollout exceeds its progress deadline", func(t *testing.T) { testDeadline(t, e) })
}

// readyWatch follows the ready pods of a namespace and remembers the
// fewest seen once armed.
type readyWatch struct {
	mu     sync.Mutex
	ready  map[string]bool
	armed  bool
	fewest int
}

func (w *readyWatch) on(t watch.EventType, obj, _ runtime.Object) {
	p := obj.(*corev1.Pod)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ready[p.Name] = t != watch.Deleted && pods.IsReady(p) && p.DeletionTimestamp == nil
	n := 0
	for _, r := range w.ready {
		if r {
			n++
		}
	}
	if w.armed {
		w.fewest = min(w.fewest, n)
	}
}

func (w *readyWatch) arm() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.armed, w.fewest = true, 1<<30
}

func (w *readyWatch) lowest() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fewest
}

// testRollingUndo drives the rollout with the real kubectl: rollout
// status, set image, rollout undo and rollout history read and write what
// the controller keeps.
func testRollingUndo(t *testing.T, e *env) {
	ns := e.namespace(t, "rolling")
	k := cluster.NewKubectl(t, e.Kubeconfig)
	e.fakeKubelet(t, ns, always)
	watcher := &readyWatch{ready: map[string]bool{}}
	e.informer(t, podsRes, ns, watcher.on)
	d := deploymentOf(ns, "web", 6, "nginx:1")
	d.Spec.Strategy = rollingUpdate(1, 2)
	if _, err := e.Client.Create(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if out := k.OK("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s"); !strings.Contains(out, "successfully rolled out") {
		t.Fatalf("rollout status: %s", out)
	}
	watcher.arm()
	k.OK("set", "image", "deployment/web", "c=nginx:2", "-n", ns)
	k.OK("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s")
	d = e.waitRolledOut(t, ns, "web", "nginx:2")
	if fewest := watcher.lowest(); fewest < 6-2 {
		t.Fatalf("%d ready pods at the lowest, want at least replicas - maxUnavailable = 4", fewest)
	}
	checkRevisions(t, e, ns, d, map[string]int32{"1": 0, "2": 6})
	k.OK("rollout", "undo", "deployment/web", "-n", ns)
	d = e.waitRolledOut(t, ns, "web", "nginx:1")
	rss := checkRevisions(t, e, ns, d, map[string]int32{"3": 6, "2": 0})
	if h := rss["3"].Annotations[rollout.RevisionHistoryAnnotation]; h != "1" {
		t.Fatalf("revision-history of the reused replica set %q, want \"1\"", h)
	}
	if out := k.OK("rollout", "history", "deployment/web", "-n", ns); !regexp.MustCompile(`(?m)^2\s+<none>\n3\s+<none>`).MatchString(out) {
		t.Fatalf("rollout history:\n%s", out)
	}
}

// checkRevisions checks the replica sets by revision and their sizes,
// and that the Deployment carries the highest revision.
func checkRevisions(t *testing.T, e *env, ns string, d *appsv1.Deployment, want map[string]int32) map[string]appsv1.ReplicaSet {
	t.Helper()
	got := map[string]appsv1.ReplicaSet{}
	var latest int64
	for _, rs := range e.replicaSets(t, ns) {
		got[rs.Annotations[rollout.RevisionAnnotation]] = rs
		latest = max(latest, rollout.Revision(&rs))
		if rs.Name != d.Name+"-"+rs.Labels[rollout.HashLabel] || rs.Spec.Selector.MatchLabels[rollout.HashLabel] == "" {
			t.Fatalf("replica set %s is not named and selected by its pod-template-hash", rs.Name)
		}
	}
	for rev, n := range want {
		if rs, ok := got[rev]; !ok || *rs.Spec.Replicas != n {
			t.Fatalf("revision %s: %v replicas, want %d (replica sets by revision: %v)", rev, rs.Spec.Replicas, n, keys(got))
		}
	}
	if len(got) != len(want) || d.Annotations[rollout.RevisionAnnotation] != fmt.Sprint(latest) {
		t.Fatalf("revisions %v, Deployment at %s; want %v", keys(got), d.Annotations[rollout.RevisionAnnotation], want)
	}
	return got
}

func keys(m map[string]appsv1.ReplicaSet) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
