package rollout

import (
	"strconv"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/intstr"
)

var now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func template(image string) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "web"}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: image}}},
	}
}

// deploy is a rolling Deployment of replicas with maxSurge and
// maxUnavailable given as "25%" or "1".
func deploy(replicas int32, surge, unavailable string) *appsv1.Deployment {
	d := &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "ns", UID: "d", Generation: 1}}
	d.Spec.Replicas = &replicas
	d.Spec.Template = template("b")
	d.Spec.Strategy = appsv1.DeploymentStrategy{Type: appsv1.RollingUpdateDeploymentStrategyType, RollingUpdate: &appsv1.RollingUpdateDeployment{
		MaxSurge: new(intstr.Parse(surge)), MaxUnavailable: new(intstr.Parse(unavailable))}}
	d.Spec.ProgressDeadlineSeconds = new(int32(600))
	d.Spec.RevisionHistoryLimit = new(int32(10))
	return d
}

func recreate(replicas int32) *appsv1.Deployment {
	d := deploy(replicas, "0", "1")
	d.Spec.Strategy = appsv1.DeploymentStrategy{Type: appsv1.RecreateDeploymentStrategyType}
	return d
}

// rs is a replica set of the given spec size and available pods, created
// age ago, with revision rev (0: none).
func rs(name string, replicas, available int32, age time.Duration, rev int) *appsv1.ReplicaSet {
	r := &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: name, UID: types.UID(name), CreationTimestamp: metav1.NewTime(now.Add(-age))}}
	r.Spec.Replicas = &replicas
	r.Spec.Template = template(name)
	r.Status.Replicas, r.Status.ReadyReplicas, r.Status.AvailableReplicas = replicas, available, available
	if rev > 0 {
		r.Annotations = map[string]string{RevisionAnnotation: strconv.Itoa(rev)}
	}
	return r
}

func sizes(scales []Scale) map[string]int32 {
	out := map[string]int32{}
	for _, s := range scales {
		out[s.RS.Name] = s.To
	}
	return out
}
