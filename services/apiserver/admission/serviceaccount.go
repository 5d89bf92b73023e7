package admission

import (
	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateServiceAccount validates a service account: metadata only, its
// name being a DNS subdomain.
func validateServiceAccount(sa *corev1.ServiceAccount) field.ErrorList {
	return validateMeta(&sa.ObjectMeta, true, apivalidation.ValidateServiceAccountName)
}

func validateServiceAccountUpdate(sa, old *corev1.ServiceAccount) field.ErrorList {
	return validateMetaUpdate(&sa.ObjectMeta, &old.ObjectMeta)
}
