package admission

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// standardFinalizers are the finalizer names that need no domain prefix.
var standardFinalizers = []string{string(corev1.FinalizerKubernetes), metav1.FinalizerOrphanDependents, metav1.FinalizerDeleteDependents}

// defaultNamespace gives a namespace phase Active and the "kubernetes"
// finalizer. The finalizer is not re-added once the namespace is terminating,
// so the namespace controller can remove it.
func defaultNamespace(ns *corev1.Namespace) {
	if ns.Status.Phase == "" {
		ns.Status.Phase = corev1.NamespaceActive
	}
	if ns.DeletionTimestamp != nil {
		return
	}
	if !slices.Contains(ns.Spec.Finalizers, corev1.FinalizerKubernetes) {
		ns.Spec.Finalizers = append(ns.Spec.Finalizers, corev1.FinalizerKubernetes)
	}
}

// validateNamespace validates a namespace; its name must be a DNS label.
func validateNamespace(ns *corev1.Namespace) field.ErrorList {
	errs := validateMeta(&ns.ObjectMeta, false, apivalidation.ValidateNamespaceName)
	return append(errs, validateNamespaceFinalizers(ns.Spec.Finalizers)...)
}

func validateNamespaceFinalizers(finalizers []corev1.FinalizerName) field.ErrorList {
	errs := field.ErrorList{}
	fldPath := specPath.Child("finalizers")
	for _, f := range finalizers {
		name := string(f)
		if msgs := validation.IsQualifiedName(name); len(msgs) > 0 {
			errs = append(errs, invalid(fldPath, name, msgs)...)
			continue
		}
		if !strings.Contains(name, "/") && !slices.Contains(standardFinalizers, name) {
			errs = append(errs, field.Invalid(fldPath, name, "name is neither a standard finalizer name nor is it fully qualified"))
		}
	}
	return errs
}

// validateNamespaceUpdate: only metadata may change through an update
// (spec.finalizers change through the finalize subresource).
func validateNamespaceUpdate(ns, old *corev1.Namespace) field.ErrorList {
	errs := validateMetaUpdate(&ns.ObjectMeta, &old.ObjectMeta)
	return append(errs, validateNamespaceFinalizers(ns.Spec.Finalizers)...)
}
