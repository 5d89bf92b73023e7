package admission

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// want is an expected field error: its type and its field path.
type want struct {
	typ  field.ErrorType
	path string
}

func required(path string) want     { return want{field.ErrorTypeRequired, path} }
func invalidAt(path string) want    { return want{field.ErrorTypeInvalid, path} }
func notSupported(path string) want { return want{field.ErrorTypeNotSupported, path} }
func forbidden(path string) want    { return want{field.ErrorTypeForbidden, path} }
func duplicate(path string) want    { return want{field.ErrorTypeDuplicate, path} }
func notFound(path string) want     { return want{field.ErrorTypeNotFound, path} }
func tooMany(path string) want      { return want{field.ErrorTypeTooMany, path} }

// expectErrs checks that got holds exactly the wanted errors, in any order.
func expectErrs(t *testing.T, got field.ErrorList, wants ...want) {
	t.Helper()
	var gotKeys, wantKeys []string
	for _, e := range got {
		gotKeys = append(gotKeys, fmt.Sprintf("%s %s", e.Type, e.Field))
	}
	for _, w := range wants {
		wantKeys = append(wantKeys, fmt.Sprintf("%s %s", w.typ, w.path))
	}
	slices.Sort(gotKeys)
	slices.Sort(wantKeys)
	if !slices.Equal(gotKeys, wantKeys) {
		t.Errorf("errors = %v\nwant %v\nfull: %v", gotKeys, wantKeys, got.ToAggregate())
	}
}

// expectMessage checks that some error at path has a detail containing msg.
func expectMessage(t *testing.T, errs field.ErrorList, path, msg string) {
	t.Helper()
	for _, e := range errs {
		if e.Field == path && strings.Contains(e.Detail, msg) {
			return
		}
	}
	t.Errorf("no error at %s containing %q in %v", path, msg, errs.ToAggregate())
}

func objectMeta(name string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: "default", ResourceVersion: "1", UID: "uid-1"}
}

func testContainer(name, image string) corev1.Container {
	return corev1.Container{Name: name, Image: image}
}

// defaultedPod returns a valid pod after defaulting.
func defaultedPod(mutate ...func(*corev1.Pod)) *corev1.Pod {
	p := &corev1.Pod{
		ObjectMeta: objectMeta("web"),
		Spec:       corev1.PodSpec{Containers: []corev1.Container{testContainer("nginx", "nginx:1.27")}},
	}
	for _, m := range mutate {
		m(p)
	}
	Default(p)
	return p
}

// podTemplate returns a pod template labelled app=web.
func podTemplate() corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": "web"}},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{testContainer("nginx", "nginx")}},
	}
}
