package admission

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

const podUpdateMessage = "pod updates may not change fields other than `spec.containers[*].image`," +
	"`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations)," +
	"`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"

// validatePodUpdate allows only the pod spec changes kube-apiserver allows.
func validatePodUpdate(p, old *corev1.Pod) field.ErrorList {
	errs := validateMetaUpdate(&p.ObjectMeta, &old.ObjectMeta)
	errs = append(errs, validatePodSpec(&p.Spec, specPath)...)
	if len(p.Spec.Containers) != len(old.Spec.Containers) {
		return append(errs, field.Forbidden(specPath.Child("containers"), "pod updates may not add or remove containers"))
	}
	if len(p.Spec.InitContainers) != len(old.Spec.InitContainers) {
		return append(errs, field.Forbidden(specPath.Child("initContainers"), "pod updates may not add or remove containers"))
	}
	if e := validateActiveDeadlineUpdate(p.Spec.ActiveDeadlineSeconds, old.Spec.ActiveDeadlineSeconds); len(e) > 0 {
		return append(errs, e...)
	}
	errs = append(errs, validateOnlyAddedTolerations(p.Spec.Tolerations, old.Spec.Tolerations, specPath.Child("tolerations"))...)
	if changed := changedFields("spec", mungePodSpec(&p.Spec, &old.Spec), reflect.ValueOf(old.Spec)); len(changed) > 0 {
		msg := fmt.Sprintf("%s\nchanged: %s", podUpdateMessage, strings.Join(changed, ", "))
		errs = append(errs, field.Forbidden(specPath, msg))
	}
	return errs
}

// mungePodSpec copies the mutable fields of old into a copy of spec, so that
// any remaining difference is a forbidden change.
func mungePodSpec(spec, old *corev1.PodSpec) reflect.Value {
	m := spec.DeepCopy()
	for i := range m.Containers {
		m.Containers[i].Image = old.Containers[i].Image
	}
	for i := range m.InitContainers {
		m.InitContainers[i].Image = old.InitContainers[i].Image
	}
	m.ActiveDeadlineSeconds = old.ActiveDeadlineSeconds
	m.Tolerations = old.Tolerations
	m.SchedulingGates = old.SchedulingGates
	oldGrace, newGrace := old.TerminationGracePeriodSeconds, m.TerminationGracePeriodSeconds
	if oldGrace != nil && *oldGrace < 0 && newGrace != nil && *newGrace == 1 {
		m.TerminationGracePeriodSeconds = oldGrace
	}
	return reflect.ValueOf(*m)
}

// changedFields names the fields that differ between two values of the same
// struct type, descending into structs and equally long slices.
func changedFields(prefix string, a, b reflect.Value) []string {
	if equality.Semantic.DeepEqual(a.Interface(), b.Interface()) {
		return nil
	}
	switch {
	case a.Kind() == reflect.Struct && !strings.Contains(a.Type().PkgPath(), "apimachinery"):
		var out []string
		for i := range a.NumField() {
			name, _, _ := strings.Cut(a.Type().Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = a.Type().Field(i).Name
			}
			out = append(out, changedFields(prefix+"."+name, a.Field(i), b.Field(i))...)
		}
		return out
	case a.Kind() == reflect.Slice && a.Len() == b.Len():
		var out []string
		for i := range a.Len() {
			out = append(out, changedFields(fmt.Sprintf("%s[%d]", prefix, i), a.Index(i), b.Index(i))...)
		}
		return out
	case a.Kind() == reflect.Pointer && !a.IsNil() && !b.IsNil():
		return changedFields(prefix, a.Elem(), b.Elem())
	}
	return []string{prefix}
}

func validateActiveDeadlineUpdate(newADS, oldADS *int64) field.ErrorList {
	p := specPath.Child("activeDeadlineSeconds")
	switch {
	case newADS == nil && oldADS != nil:
		return field.ErrorList{field.Invalid(p, newADS, "must not update from a positive integer to nil value")}
	case newADS == nil:
		return nil
	case *newADS < 0 || *newADS > math.MaxInt32:
		return field.ErrorList{field.Invalid(p, *newADS, validation.InclusiveRangeError(0, math.MaxInt32))}
	case oldADS != nil && *oldADS < *newADS:
		return field.ErrorList{field.Invalid(p, *newADS, "must be less than or equal to previous value")}
	}
	return nil
}

// validateOnlyAddedTolerations requires every old toleration to still be
// there; only its tolerationSeconds may change.
func validateOnlyAddedTolerations(newTs, oldTs []corev1.Toleration, fldPath *field.Path) field.ErrorList {
	for _, o := range oldTs {
		found := false
		for _, n := range newTs {
			o.TolerationSeconds = n.TolerationSeconds
			if reflect.DeepEqual(o, n) {
				found = true
				break
			}
		}
		if !found {
			return field.ErrorList{field.Forbidden(fldPath, "existing toleration can not be modified except its tolerationSeconds")}
		}
	}
	return nil
}
