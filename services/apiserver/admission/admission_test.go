package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func TestValidateUnknownTypes(t *testing.T) {
	tests := []struct {
		name string
		meta metav1.ObjectMeta
		want []want
	}{
		{"colon in name", metav1.ObjectMeta{Name: "system:controller:foo"}, nil},
		{"slash in name", metav1.ObjectMeta{Name: "a/b"}, []want{invalidAt("metadata.name")}},
		{"no name", metav1.ObjectMeta{}, []want{required("metadata.name")}},
		{"bad label", metav1.ObjectMeta{Name: "x", Labels: map[string]string{"x": "-"}}, []want{invalidAt("metadata.labels")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := &rbacv1.ClusterRole{ObjectMeta: tt.meta}
			Default(cr)
			expectErrs(t, ValidateCreate(cr), tt.want...)
		})
	}
}

func TestValidateUnknownUpdate(t *testing.T) {
	old := &unstructured.Unstructured{}
	old.SetAPIVersion("example.com/v1")
	old.SetKind("Widget")
	old.SetName("w")
	old.SetNamespace("default")
	old.SetUID("u1")
	obj := old.DeepCopy()
	obj.SetLabels(map[string]string{"a": "b"})
	expectErrs(t, ValidateUpdate(obj, old))
	obj.SetName("w2")
	expectErrs(t, ValidateUpdate(obj, old), invalidAt("metadata.name"))
}

func TestValidateUpdateTypeMismatch(t *testing.T) {
	errs := ValidateUpdate(&corev1.Pod{}, &corev1.Service{})
	expectErrs(t, errs, want{field.ErrorTypeInternal, "<nil>"})
	errs = ValidateUpdate(&rbacv1.Role{}, &rbacv1.ClusterRole{})
	expectErrs(t, errs, want{field.ErrorTypeInternal, "<nil>"})
}

func TestNilObjects(t *testing.T) {
	Default(nil)
	Default((*corev1.Pod)(nil))
	expectErrs(t, ValidateCreate((*corev1.Pod)(nil)), want{field.ErrorTypeInternal, "<nil>"})
	expectErrs(t, ValidateUpdate(&corev1.Pod{}, (*corev1.Pod)(nil)), want{field.ErrorTypeInternal, "<nil>"})
}

func TestClusterScopedNamespaceIgnored(t *testing.T) {
	n := &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1", Namespace: "default"}}
	expectErrs(t, ValidateCreate(n))
}

// TestDefaultIsIdempotent: Default runs on every write, so a second pass must
// change nothing (no duplicated tolerations, finalizers...).
func TestDefaultIsIdempotent(t *testing.T) {
	objs := []runtime.Object{
		defaultedPod(), defaultedService(), defaultedDeployment(), defaultedReplicaSet(), defaultedRC(),
		defaultedEndpoints(), defaultedSlice(), &corev1.Namespace{}, &corev1.Secret{StringData: map[string]string{"a": "b"}},
	}
	for _, obj := range objs {
		Default(obj)
		again := obj.DeepCopyObject()
		Default(again)
		if !equality.Semantic.DeepEqual(obj, again) {
			t.Errorf("%T changed on second Default:\n%#v\n%#v", obj, obj, again)
		}
	}
}
