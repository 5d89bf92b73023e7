package admission

import (
	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// defaultReplicationController applies SetDefaults_ReplicationController: the
// selector and the labels default to the template labels.
func defaultReplicationController(rc *corev1.ReplicationController) {
	spec := &rc.Spec
	if spec.Template != nil && spec.Template.Labels != nil {
		if len(spec.Selector) == 0 {
			spec.Selector = copyMap(spec.Template.Labels)
		}
		if len(rc.Labels) == 0 {
			rc.Labels = copyMap(spec.Template.Labels)
		}
	}
	if spec.Replicas == nil {
		spec.Replicas = new(int32(1))
	}
	defaultPodTemplate(spec.Template)
}

func validateReplicationController(rc *corev1.ReplicationController) field.ErrorList {
	errs := validateMeta(&rc.ObjectMeta, true, apivalidation.NameIsDNSSubdomain)
	return append(errs, validateReplicationControllerSpec(&rc.Spec, specPath)...)
}

func validateReplicationControllerSpec(spec *corev1.ReplicationControllerSpec, fldPath *field.Path) field.ErrorList {
	errs := validateNonNegative(spec.MinReadySeconds, fldPath.Child("minReadySeconds"))
	selPath := fldPath.Child("selector")
	if len(spec.Selector) == 0 {
		errs = append(errs, field.Required(selPath, ""))
	}
	errs = append(errs, metav1validation.ValidateLabels(spec.Selector, selPath)...)
	errs = append(errs, validateReplicas(spec.Replicas, fldPath.Child("replicas"))...)
	selector := labels.Set(spec.Selector).AsSelector()
	return append(errs, validatePodTemplate(spec.Template, selector, "ReplicationController", fldPath.Child("template"))...)
}

// validateReplicationControllerUpdate: unlike apps/v1 controllers, the
// selector of a ReplicationController may change.
func validateReplicationControllerUpdate(rc, old *corev1.ReplicationController) field.ErrorList {
	errs := validateMetaUpdate(&rc.ObjectMeta, &old.ObjectMeta)
	return append(errs, validateReplicationControllerSpec(&rc.Spec, specPath)...)
}
