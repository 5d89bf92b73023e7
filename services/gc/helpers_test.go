package gc

import (
	"fmt"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// owned creates ReplicaSet name and two pods it owns, as the ReplicaSet
// controller would, the first with finalizers, and returns the pods' names.
func owned(t *testing.T, c *apiservertest.Cluster, name string, finalizers ...string) []string {
	t.Helper()
	labels := map[string]string{"app": name}
	rs := &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"}, Spec: appsv1.ReplicaSetSpec{
		Selector: &metav1.LabelSelector{MatchLabels: labels},
		Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "x"}}}}}}
	obj, err := c.Client.Create(t.Context(), rs)
	if err != nil {
		t.Fatal(err)
	}
	ref := metav1.OwnerReference{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: name, UID: obj.(*appsv1.ReplicaSet).UID, Controller: new(true), BlockOwnerDeletion: new(true)}
	var names []string
	for i := range 2 {
		p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("%s-%d", name, i), Namespace: "default", Labels: labels, OwnerReferences: []metav1.OwnerReference{ref}},
			Spec: rs.Spec.Template.Spec}
		if i == 0 {
			p.Finalizers = finalizers
		}
		if _, err := c.Client.Create(t.Context(), p); err != nil {
			t.Fatal(err)
		}
		names = append(names, p.Name)
	}
	return names
}

func del(t *testing.T, c *apiservertest.Cluster, name string, opts *metav1.DeleteOptions) {
	t.Helper()
	if err := c.Client.Delete(t.Context(), replicaSets, "default", name, opts); err != nil {
		t.Fatal(err)
	}
}

// gone reports whether none of the named objects exists any more.
func gone(t *testing.T, c *apiservertest.Cluster, res resources.Resource, names ...string) bool {
	t.Helper()
	for _, n := range names {
		if _, err := c.Client.Get(t.Context(), res, "default", n); !apierrors.IsNotFound(err) {
			return false
		}
	}
	return true
}
