package replication_test

import (
	"fmt"
	"sync"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/services/replication/rollout"
)

func testPause(t *testing.T, e *env) {
	ns := e.namespace(t, "pause")
	k := cluster.NewKubectl(t, e.Kubeconfig)
	e.fakeKubelet(t, ns, always)
	if _, err := e.Client.Create(t.Context(), deploymentOf(ns, "web", 2, "nginx:1")); err != nil {
		t.Fatal(err)
	}
	e.waitRolledOut(t, ns, "web", "nginx:1")
	k.OK("rollout", "pause", "deployment/web", "-n", ns)
	e.setImage(t, ns, "web", "nginx:2")
	eventually(t, "the paused change observed", func() (bool, string) {
		d := e.deployment(t, ns, "web")
		c := rollout.GetCondition(d.Status, appsv1.DeploymentProgressing)
		return d.Status.ObservedGeneration == d.Generation && c != nil && c.Reason == rollout.PausedReason, fmt.Sprintf("%+v", d.Status)
	})
	if n := len(e.replicaSets(t, ns)); n != 1 {
		t.Fatalf("%d replica sets while paused, want 1", n)
	}
	k.OK("rollout", "resume", "deployment/web", "-n", ns)
	e.waitRolledOut(t, ns, "web", "nginx:2")
	k.OK("rollout", "restart", "deployment/web", "-n", ns)
	eventually(t, "a third replica set after rollout restart", func() (bool, string) {
		n := len(e.replicaSets(t, ns))
		return n == 3, fmt.Sprint(n, " replica sets")
	})
	k.OK("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s")
}

// imageWatch records whether pods of two images were ever alive at once.
type imageWatch struct {
	mu     sync.Mutex
	live   map[string]string // pod name to image
	mixed  bool
	images map[string]bool
}

func (w *imageWatch) on(t watch.EventType, obj, _ runtime.Object) {
	p := obj.(*corev1.Pod)
	w.mu.Lock()
	defer w.mu.Unlock()
	if t == watch.Deleted {
		delete(w.live, p.Name)
	} else {
		w.live[p.Name] = p.Spec.Containers[0].Image
	}
	seen := map[string]bool{}
	for _, img := range w.live {
		seen[img] = true
	}
	w.mixed = w.mixed || len(seen) > 1
}

func (w *imageWatch) wasMixed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.mixed
}

func testRecreate(t *testing.T, e *env) {
	ns := e.namespace(t, "recreate")
	e.fakeKubelet(t, ns, always)
	images := &imageWatch{live: map[string]string{}}
	e.informer(t, podsRes, ns, images.on)
	d := deploymentOf(ns, "web", 3, "nginx:1")
	d.Spec.Strategy = appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType}
	if _, err := e.Client.Create(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	e.waitRolledOut(t, ns, "web", "nginx:1")
	e.setImage(t, ns, "web", "nginx:2")
	e.waitRolledOut(t, ns, "web", "nginx:2")
	if images.wasMixed() {
		t.Fatal("pods of the old and the new template were alive at the same time")
	}
}

func testProportional(t *testing.T, e *env) {
	ns := e.namespace(t, "proportional")
	e.fakeKubelet(t, ns, func(p *corev1.Pod) bool { return p.Spec.Containers[0].Image == "nginx:1" })
	if _, err := e.Client.Create(t.Context(), deploymentOf(ns, "web", 4, "nginx:1")); err != nil {
		t.Fatal(err)
	}
	e.waitRolledOut(t, ns, "web", "nginx:1")
	e.setImage(t, ns, "web", "broken")
	// 25% surge and unavailability of 4: the new pods never get ready, so
	// the rollout stops at 3 old and 2 new.
	waitSizes(t, e, ns, map[string]int32{"1": 3, "2": 2})
	e.patchDeployment(t, ns, "web", types.MergePatchType, `{"spec":{"replicas":8}}`)
	// 8 + 2 surge = 10 pods, split 3:2.
	waitSizes(t, e, ns, map[string]int32{"1": 6, "2": 4})
}

func waitSizes(t *testing.T, e *env, ns string, want map[string]int32) {
	t.Helper()
	eventually(t, fmt.Sprint("replica set sizes ", want), func() (bool, string) {
		got := map[string]int32{}
		for _, rs := range e.replicaSets(t, ns) {
			got[rs.Annotations[rollout.RevisionAnnotation]] = *rs.Spec.Replicas
		}
		return fmt.Sprint(got) == fmt.Sprint(want), fmt.Sprint(got)
	})
}

func testDeadline(t *testing.T, e *env) {
	ns := e.namespace(t, "deadline")
	e.fakeKubelet(t, ns, func(p *corev1.Pod) bool { return p.Spec.Containers[0].Image == "nginx:1" })
	d := deploymentOf(ns, "web", 2, "nginx:1")
	d.Spec.ProgressDeadlineSeconds = new(int32(1))
	if _, err := e.Client.Create(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	e.waitRolledOut(t, ns, "web", "nginx:1")
	e.setImage(t, ns, "web", "broken")
	eventually(t, "ProgressDeadlineExceeded", func() (bool, string) {
		c := rollout.GetCondition(e.deployment(t, ns, "web").Status, appsv1.DeploymentProgressing)
		return c != nil && c.Reason == rollout.TimedOutReason && c.Status == corev1.ConditionFalse, fmt.Sprintf("%+v", c)
	})
}
