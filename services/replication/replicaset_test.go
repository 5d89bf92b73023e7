package replication_test

import (
	"fmt"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

func TestReplicaSet(t *testing.T) {
	e := start(t)
	t.Run("creates pods with owner references", func(t *testing.T) { testCreates(t, e) })
	t.Run("replaces a deleted pod", func(t *testing.T) { testReplaces(t, e) })
	t.Run("scales down not-ready pods first", func(t *testing.T) { testScaleDown(t, e) })
	t.Run("adopts orphans and releases strays", func(t *testing.T) { testAdoptRelease(t, e) })
	t.Run("replication controller", func(t *testing.T) { testReplicationController(t, e) })
	t.Run("never more pods than replicas", func(t *testing.T) { testNoOvershoot(t, e) })
	t.Run("available after minReadySeconds", func(t *testing.T) { testMinReadySeconds(t, e) })
}

func testCreates(t *testing.T, e *env) {
	ns := e.namespace(t, "creates")
	obj, err := e.Client.Create(t.Context(), replicaSet(ns, "web", 3))
	if err != nil {
		t.Fatal(err)
	}
	rs := obj.(*appsv1.ReplicaSet)
	eventually(t, "3 pods", func() (bool, string) {
		pods := e.pods(t, ns, nil)
		return len(pods) == 3, names(pods)
	})
	for _, p := range e.pods(t, ns, nil) {
		ref := metav1.GetControllerOf(p)
		if ref == nil || ref.UID != rs.UID || ref.Kind != "ReplicaSet" || ref.APIVersion != "apps/v1" || ref.BlockOwnerDeletion == nil || !*ref.BlockOwnerDeletion {
			t.Fatalf("pod %s owner references %+v", p.Name, p.OwnerReferences)
		}
		if !strings.HasPrefix(p.Name, "web-") || len(p.Name) != len("web-")+5 || p.Labels["app"] != "web" {
			t.Fatalf("pod %s labels %v: want web-<5 chars> with the template's labels", p.Name, p.Labels)
		}
	}
	eventually(t, "status", func() (bool, string) {
		obj, _ := e.Client.Get(t.Context(), replicaSetsRes, ns, "web")
		st := obj.(*appsv1.ReplicaSet).Status
		return st.Replicas == 3 && st.FullyLabeledReplicas == 3 && st.ObservedGeneration == 1, fmt.Sprintf("%+v", st)
	})
	eventually(t, "SuccessfulCreate events", func() (bool, string) {
		evs := e.events(t, ns)
		for _, ev := range evs {
			if ev.Reason == "SuccessfulCreate" && ev.InvolvedObject.UID == rs.UID && ev.Source.Component == "replicaset-controller" && strings.HasPrefix(ev.Message, "Created pod: web-") {
				return true, ""
			}
		}
		return false, fmt.Sprint(len(evs), " events")
	})
}

func testReplaces(t *testing.T, e *env) {
	ns := e.namespace(t, "replaces")
	if _, err := e.Client.Create(t.Context(), replicaSet(ns, "web", 2)); err != nil {
		t.Fatal(err)
	}
	eventually(t, "2 pods", func() (bool, string) { return len(e.pods(t, ns, nil)) == 2, "" })
	victim := e.pods(t, ns, nil)[0]
	if err := e.Client.Delete(t.Context(), podsRes, ns, victim.Name, nil); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a replacement", func() (bool, string) {
		pods := e.pods(t, ns, nil)
		for _, p := range pods {
			if p.Name == victim.Name {
				return false, names(pods)
			}
		}
		return len(pods) == 2, names(pods)
	})
}

func testScaleDown(t *testing.T, e *env) {
	ns := e.namespace(t, "scaledown")
	if _, err := e.Client.Create(t.Context(), replicaSet(ns, "web", 4)); err != nil {
		t.Fatal(err)
	}
	eventually(t, "4 pods", func() (bool, string) { return len(e.pods(t, ns, nil)) == 4, "" })
	ready := map[string]bool{}
	for _, p := range e.pods(t, ns, nil)[:2] {
		if err := markReady(t.Context(), e, p); err != nil {
			t.Fatal(err)
		}
		ready[p.Name] = true
	}
	eventually(t, "2 ready in status", func() (bool, string) {
		obj, _ := e.Client.Get(t.Context(), replicaSetsRes, ns, "web")
		st := obj.(*appsv1.ReplicaSet).Status
		return st.ReadyReplicas == 2 && st.AvailableReplicas == 2, fmt.Sprintf("%+v", st)
	})
	patch := []byte(`{"spec":{"replicas":2}}`)
	if _, err := e.Client.Patch(t.Context(), replicaSetsRes, ns, "web", "", types.MergePatchType, patch); err != nil {
		t.Fatal(err)
	}
	eventually(t, "only the ready pods left", func() (bool, string) {
		pods := e.pods(t, ns, nil)
		return len(pods) == 2 && ready[pods[0].Name] && ready[pods[1].Name], names(pods)
	})
}
