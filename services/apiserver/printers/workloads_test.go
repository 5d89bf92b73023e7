package printers

import (
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func template(names ...string) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: containers(names...)}}
}

func TestReplicationControllerRows(t *testing.T) {
	tpl := template("web", "log")
	rc := &corev1.ReplicationController{ObjectMeta: objMeta("web", 20*time.Minute),
		Spec:   corev1.ReplicationControllerSpec{Replicas: ptr(int32(3)), Selector: map[string]string{"app": "web"}, Template: &tpl},
		Status: corev1.ReplicationControllerStatus{Replicas: 3, ReadyReplicas: 2}}
	bare := &corev1.ReplicationController{ObjectMeta: objMeta("bare", 20*time.Minute)}
	checkRows(t, schema.GroupResource{Resource: "replicationcontrollers"}, []rowCase{
		{"web", rc, []interface{}{"web", int64(3), int64(3), int64(2), "20m", "web,log", "web:1,log:1", "app=web"}},
		{"no template", bare, []interface{}{"bare", int64(0), int64(0), int64(0), "20m", "", "", "<none>"}},
	})
}

func TestReplicaSetRows(t *testing.T) {
	rs := &appsv1.ReplicaSet{ObjectMeta: objMeta("web-7d4b9c", 4*time.Hour),
		Spec: appsv1.ReplicaSetSpec{Replicas: ptr(int32(2)), Template: template("web"),
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "web", "pod-template-hash": "7d4b9c"}}},
		Status: appsv1.ReplicaSetStatus{Replicas: 2, ReadyReplicas: 1}}
	checkRows(t, schema.GroupResource{Group: "apps", Resource: "replicasets"}, []rowCase{
		{"web", rs, []interface{}{"web-7d4b9c", int64(2), int64(2), int64(1), "4h", "web", "web:1", "app=web,pod-template-hash=7d4b9c"}},
	})
}

func TestDeploymentRows(t *testing.T) {
	d := &appsv1.Deployment{ObjectMeta: objMeta("web", 26*time.Hour),
		Spec: appsv1.DeploymentSpec{Replicas: ptr(int32(3)), Template: template("web", "sidecar"),
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "web"},
				MatchExpressions: []metav1.LabelSelectorRequirement{{Key: "tier", Operator: metav1.LabelSelectorOpIn, Values: []string{"fe"}}}}},
		Status: appsv1.DeploymentStatus{ReadyReplicas: 2, UpdatedReplicas: 3, AvailableReplicas: 2}}
	bad := &appsv1.Deployment{ObjectMeta: objMeta("bad", time.Minute),
		Spec: appsv1.DeploymentSpec{Selector: &metav1.LabelSelector{
			MatchExpressions: []metav1.LabelSelectorRequirement{{Key: "x", Operator: "Bogus"}}}}}
	checkRows(t, schema.GroupResource{Group: "apps", Resource: "deployments"}, []rowCase{
		{"web", d, []interface{}{"web", "2/3", int64(3), int64(2), "26h", "web,sidecar", "web:1,sidecar:1", "app=web,tier in (fe)"}},
		{"invalid selector", bad, []interface{}{"bad", "0/0", int64(0), int64(0), "60s", "", "", "<invalid>"}},
	})
}
