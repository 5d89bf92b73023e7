package admission

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// defaultPodTemplate applies to a controller's pod template what
// kube-apiserver applies to it: the pod spec and container defaults, but not
// the pod-only ones (requests from limits, enableServiceLinks, tolerations...).
func defaultPodTemplate(t *corev1.PodTemplateSpec) {
	if t != nil {
		defaultPodSpec(&t.Spec)
	}
}

// validatePodTemplate validates the pod template of a replicated controller
// (kind names it in messages): its labels must match the selector, its pods
// must restart Always and may not have an active deadline.
func validatePodTemplate(t *corev1.PodTemplateSpec, selector labels.Selector, kind string, fldPath *field.Path) field.ErrorList {
	if t == nil {
		return field.ErrorList{field.Required(fldPath, "")}
	}
	errs := field.ErrorList{}
	labelsPath := fldPath.Child("metadata", "labels")
	if !selector.Empty() && !selector.Matches(labels.Set(t.Labels)) {
		errs = append(errs, field.Invalid(labelsPath, t.Labels, "`selector` does not match template `labels`"))
	}
	errs = append(errs, metav1validation.ValidateLabels(t.Labels, labelsPath)...)
	errs = append(errs, apivalidation.ValidateAnnotations(t.Annotations, fldPath.Child("metadata", "annotations"))...)
	specPath := fldPath.Child("spec")
	errs = append(errs, validatePodSpec(&t.Spec, specPath)...)
	if len(t.Spec.EphemeralContainers) > 0 {
		errs = append(errs, field.Forbidden(specPath.Child("ephemeralContainers"), "ephemeral containers not allowed in pod template"))
	}
	if t.Spec.RestartPolicy != corev1.RestartPolicyAlways {
		valid := []string{string(corev1.RestartPolicyAlways)}
		errs = append(errs, field.NotSupported(specPath.Child("restartPolicy"), t.Spec.RestartPolicy, valid))
	}
	if ads := t.Spec.ActiveDeadlineSeconds; ads != nil {
		p, msg := specPath.Child("activeDeadlineSeconds"), fmt.Sprintf("activeDeadlineSeconds in %s is not Supported", kind)
		if kind == "ReplicationController" {
			errs = append(errs, field.Forbidden(p, msg))
		} else {
			errs = append(errs, field.Invalid(p, *ads, msg))
		}
	}
	return errs
}

// validateAppsSelector validates the label selector of a ReplicaSet or
// Deployment and returns it parsed. A missing selector parses to one matching
// nothing, so the template check reports the mismatch too, as Kubernetes does.
func validateAppsSelector(sel *metav1.LabelSelector, fldPath *field.Path) (labels.Selector, field.ErrorList) {
	errs := field.ErrorList{}
	if sel == nil {
		errs = append(errs, field.Required(fldPath, ""))
	} else {
		errs = append(errs, metav1validation.ValidateLabelSelector(sel, metav1validation.LabelSelectorValidationOptions{}, fldPath)...)
		if len(sel.MatchLabels)+len(sel.MatchExpressions) == 0 {
			errs = append(errs, field.Invalid(fldPath, sel, "empty selector is invalid for deployment"))
		}
	}
	selector, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return nil, append(errs, field.Invalid(fldPath, sel, "invalid label selector"))
	}
	return selector, errs
}

func validateReplicas(replicas *int32, fldPath *field.Path) field.ErrorList {
	if replicas == nil {
		return nil
	}
	return validateNonNegative(*replicas, fldPath)
}
