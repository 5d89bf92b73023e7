package admission

import (
	corev1 "k8s.io/api/core/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var taintEffects = []corev1.TaintEffect{corev1.TaintEffectNoSchedule, corev1.TaintEffectPreferNoSchedule, corev1.TaintEffectNoExecute}

func validateTolerations(ts []corev1.Toleration, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	for i, t := range ts {
		errs = append(errs, validateToleration(t, fldPath.Index(i))...)
	}
	return errs
}

func validateToleration(t corev1.Toleration, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	opPath := fldPath.Child("operator")
	if t.Key != "" {
		errs = append(errs, metav1validation.ValidateLabelName(t.Key, fldPath.Child("key"))...)
	} else if t.Operator != corev1.TolerationOpExists {
		errs = append(errs, field.Invalid(opPath, t.Operator, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
	}
	if t.TolerationSeconds != nil && t.Effect != corev1.TaintEffectNoExecute {
		errs = append(errs, field.Invalid(fldPath.Child("effect"), t.Effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
	}
	switch t.Operator {
	case corev1.TolerationOpEqual, "":
		errs = append(errs, invalid(fldPath.Child("value"), t.Value, validation.IsValidLabelValue(t.Value))...)
	case corev1.TolerationOpExists:
		if t.Value != "" {
			errs = append(errs, field.Invalid(opPath, t, "value must be empty when `operator` is 'Exists'"))
		}
	default:
		valid := []string{string(corev1.TolerationOpEqual), string(corev1.TolerationOpExists)}
		errs = append(errs, field.NotSupported(opPath, t.Operator, valid))
	}
	if t.Effect != "" {
		errs = append(errs, validateEnum(t.Effect, fldPath.Child("effect"), taintEffects...)...)
	}
	return errs
}
