package replication_test

import (
	"fmt"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/kubus-dev/kubus/services/replication/rollout"
)

func deploymentOf(ns, name string, replicas int32, image string) *appsv1.Deployment {
	return &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: appsv1.DeploymentSpec{Replicas: &replicas, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": name}},
			Template: podTemplate(name, image)},
	}
}

func rollingUpdate(surge, unavailable int) appsv1.DeploymentStrategy {
	return appsv1.DeploymentStrategy{Type: appsv1.RollingUpdateDeploymentStrategyType, RollingUpdate: &appsv1.RollingUpdateDeployment{
		MaxSurge: new(intstr.FromInt32(int32(surge))), MaxUnavailable: new(intstr.FromInt32(int32(unavailable)))}}
}

func (e *env) deployment(t *testing.T, ns, name string) *appsv1.Deployment {
	t.Helper()
	obj, err := e.Client.Get(t.Context(), deploymentsRes, ns, name)
	if err != nil {
		t.Fatal(err)
	}
	return obj.(*appsv1.Deployment)
}

func (e *env) replicaSets(t *testing.T, ns string) []appsv1.ReplicaSet {
	t.Helper()
	var list appsv1.ReplicaSetList
	if err := e.list(t.Context(), replicaSetsRes, ns, &list); err != nil {
		t.Fatal(err)
	}
	return list.Items
}

func (e *env) patchDeployment(t *testing.T, ns, name string, pt types.PatchType, patch string) {
	t.Helper()
	if _, err := e.Client.Patch(t.Context(), deploymentsRes, ns, name, "", pt, []byte(patch)); err != nil {
		t.Fatal(err)
	}
}

func (e *env) setImage(t *testing.T, ns, name, image string) {
	t.Helper()
	e.patchDeployment(t, ns, name, types.StrategicMergePatchType, fmt.Sprintf(`{"spec":{"template":{"spec":{"containers":[{"name":"c","image":%q}]}}}}`, image))
}

// waitRolledOut waits for what kubectl rollout status waits for, and for
// every pod to run image.
func (e *env) waitRolledOut(t *testing.T, ns, name, image string) *appsv1.Deployment {
	t.Helper()
	var d *appsv1.Deployment
	eventually(t, "rollout of "+image, func() (bool, string) {
		d = e.deployment(t, ns, name)
		st := d.Status
		c := rollout.GetCondition(st, appsv1.DeploymentProgressing)
		done := st.ObservedGeneration >= d.Generation && st.UpdatedReplicas == *d.Spec.Replicas && st.Replicas == st.UpdatedReplicas &&
			st.AvailableReplicas == st.UpdatedReplicas && c != nil && c.Reason == rollout.NewRSAvailableReason
		pods := e.pods(t, ns, map[string]string{"app": name})
		for _, p := range pods {
			done = done && p.Spec.Containers[0].Image == image
		}
		return done && len(pods) == int(*d.Spec.Replicas), fmt.Sprintf("status %+v, pods %s", st, names(pods))
	})
	return d
}
