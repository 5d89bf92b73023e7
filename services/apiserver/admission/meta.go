package admission

import (
	"errors"
	"fmt"
	"reflect"

	"k8s.io/apimachinery/pkg/api/meta"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/api/validation/path"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var metadataPath = field.NewPath("metadata")

// validateMeta validates the metadata of an object being created. Whether a
// namespace is present is the caller's concern: for namespaced kinds a set
// namespace must be a valid name, for cluster-scoped kinds it is ignored (as
// kube-apiserver clears it before validation).
func validateMeta(m *metav1.ObjectMeta, namespaced bool, nameFn apivalidation.ValidateNameFunc) field.ErrorList {
	cp := *m
	if !namespaced {
		cp.Namespace = ""
	}
	return apivalidation.ValidateObjectMeta(&cp, cp.Namespace != "", nameFn, metadataPath)
}

// validateMetaUpdate validates metadata changes: name, namespace, uid,
// creationTimestamp and the deletion fields are immutable. An empty
// resourceVersion is accepted: unconditional updates are the caller's call.
func validateMetaUpdate(newMeta, oldMeta *metav1.ObjectMeta) field.ErrorList {
	errs := apivalidation.ValidateObjectMetaUpdate(newMeta, oldMeta, metadataPath)
	return dropResourceVersionErrors(errs)
}

func dropResourceVersionErrors(errs field.ErrorList) field.ErrorList {
	rv := metadataPath.Child("resourceVersion").String()
	out := field.ErrorList{}
	for _, e := range errs {
		if e.Field != rv {
			out = append(out, e)
		}
	}
	return out
}

// validateUnknown validates only the metadata of an object of a type this
// package does not know. Names must only be valid path segments (the loosest
// rule of any Kubernetes kind, e.g. RBAC names may contain ':').
func validateUnknown(obj runtime.Object) field.ErrorList {
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil
	}
	return apivalidation.ValidateObjectMetaAccessor(m, m.GetNamespace() != "", path.ValidatePathSegmentName, metadataPath)
}

// validateUnknownUpdate validates only the metadata of an updated object of a
// type this package does not know.
func validateUnknownUpdate(obj, old runtime.Object) field.ErrorList {
	if reflect.TypeOf(obj) != reflect.TypeOf(old) {
		return typeMismatch(obj, old)
	}
	m, err := meta.Accessor(obj)
	if err != nil {
		return nil
	}
	oldMeta, err := meta.Accessor(old)
	if err != nil {
		return nil
	}
	errs := apivalidation.ValidateObjectMetaAccessorUpdate(m, oldMeta, metadataPath)
	return dropResourceVersionErrors(errs)
}

// withOld type-asserts old to the type of obj and calls fn with both.
func withOld[T runtime.Object](obj T, old runtime.Object, fn func(T, T) field.ErrorList) field.ErrorList {
	o, ok := old.(T)
	if !ok {
		return typeMismatch(obj, old)
	}
	return fn(obj, o)
}

func typeMismatch(obj, old runtime.Object) field.ErrorList {
	err := fmt.Errorf("old object is %T, new object is %T", old, obj)
	return field.ErrorList{field.InternalError(nil, err)}
}

func isNil(obj runtime.Object) bool {
	if obj == nil {
		return true
	}
	v := reflect.ValueOf(obj)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

func nilObjectError() field.ErrorList {
	return field.ErrorList{field.InternalError(nil, errors.New("object is nil"))}
}
