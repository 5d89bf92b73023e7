// Package podcontrol creates and deletes the pods of a workload: pods built
// from its template, created in slow-start batches and deleted in bounded
// parallel, as kube-controller-manager's PodControl and slowStartBatch do.
package podcontrol

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// FromTemplate is the pod a controller named ownerName creates from tmpl:
// the template's labels, annotations, finalizers and spec, a generated name
// "<owner>-<5 random chars>", and a controller reference to the owner.
func FromTemplate(tmpl *corev1.PodTemplateSpec, owner metav1.Object, gvk schema.GroupVersionKind) *corev1.Pod {
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{
		Namespace:       owner.GetNamespace(),
		GenerateName:    prefix(owner.GetName()),
		Labels:          copyMap(tmpl.Labels),
		Annotations:     copyMap(tmpl.Annotations),
		Finalizers:      append([]string(nil), tmpl.Finalizers...),
		OwnerReferences: []metav1.OwnerReference{*metav1.NewControllerRef(owner, gvk)},
	}}
	pod.Spec = *tmpl.Spec.DeepCopy()
	return pod
}

// prefix adds a dash to the owner's name, the way Kubernetes makes pod
// names prettier, unless the result would not be a valid name prefix.
func prefix(name string) string {
	p := name + "-"
	if len(validation.NameIsDNSSubdomain(p, true)) != 0 {
		return name
	}
	return p
}

func copyMap(in map[string]string) map[string]string {
	if in == nil {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}
