package replication_test

import (
	"fmt"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

func testAdoptRelease(t *testing.T, e *env) {
	ns := e.namespace(t, "adopt")
	orphan := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "orphan", Namespace: ns, Labels: map[string]string{"app": "web"}},
		Spec: podTemplate("web", "nginx:1").Spec}
	if _, err := e.Client.Create(t.Context(), orphan); err != nil {
		t.Fatal(err)
	}
	obj, err := e.Client.Create(t.Context(), replicaSet(ns, "web", 2))
	if err != nil {
		t.Fatal(err)
	}
	uid := obj.(*appsv1.ReplicaSet).UID
	eventually(t, "the orphan adopted and one pod created", func() (bool, string) {
		pods := e.pods(t, ns, nil)
		for _, p := range pods {
			if ref := metav1.GetControllerOf(p); p.Name == "orphan" && ref != nil && ref.UID == uid {
				return len(pods) == 2, names(pods)
			}
		}
		return false, names(pods)
	})
	patch := []byte(`{"metadata":{"labels":{"app":"other"}}}`)
	if _, err := e.Client.Patch(t.Context(), podsRes, ns, "orphan", "", types.MergePatchType, patch); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the relabelled pod released and replaced", func() (bool, string) {
		obj, err := e.Client.Get(t.Context(), podsRes, ns, "orphan")
		if err != nil {
			return false, err.Error()
		}
		if ref := metav1.GetControllerOf(obj.(*corev1.Pod)); ref != nil {
			return false, "still owned"
		}
		pods := e.pods(t, ns, map[string]string{"app": "web"})
		return len(pods) == 2, names(pods)
	})
}

func testReplicationController(t *testing.T, e *env) {
	ns := e.namespace(t, "rc")
	tmpl := podTemplate("db", "postgres:16")
	rc := &corev1.ReplicationController{ObjectMeta: metav1.ObjectMeta{Name: "db", Namespace: ns},
		Spec: corev1.ReplicationControllerSpec{Replicas: new(int32(2)), Template: &tmpl}}
	if _, err := e.Client.Create(t.Context(), rc); err != nil {
		t.Fatal(err)
	}
	eventually(t, "2 pods owned by the replication controller", func() (bool, string) {
		pods := e.pods(t, ns, nil)
		for _, p := range pods {
			if ref := metav1.GetControllerOf(p); ref == nil || ref.Kind != "ReplicationController" || ref.APIVersion != "v1" {
				return false, names(pods)
			}
		}
		return len(pods) == 2, names(pods)
	})
}

func testMinReadySeconds(t *testing.T, e *env) {
	ns := e.namespace(t, "minready")
	rs := replicaSet(ns, "web", 1)
	rs.Spec.MinReadySeconds = 1
	if _, err := e.Client.Create(t.Context(), rs); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a pod", func() (bool, string) { return len(e.pods(t, ns, nil)) == 1, "" })
	if err := markReady(t.Context(), e, e.pods(t, ns, nil)[0]); err != nil {
		t.Fatal(err)
	}
	sawReadyNotAvailable := false
	eventually(t, "available after minReadySeconds", func() (bool, string) {
		obj, _ := e.Client.Get(t.Context(), replicaSetsRes, ns, "web")
		st := obj.(*appsv1.ReplicaSet).Status
		sawReadyNotAvailable = sawReadyNotAvailable || (st.ReadyReplicas == 1 && st.AvailableReplicas == 0)
		return st.AvailableReplicas == 1, fmt.Sprintf("%+v", st)
	})
	if !sawReadyNotAvailable {
		t.Fatal("the pod counted as available before it was ready for minReadySeconds")
	}
}
