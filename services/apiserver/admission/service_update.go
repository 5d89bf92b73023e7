package admission

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateServiceUpdate keeps allocated cluster IPs immutable. An empty
// clusterIP in the update means "keep the allocated one": kube-apiserver
// copies it from the old object before validation, and so should the caller.
func validateServiceUpdate(svc, old *corev1.Service) field.ErrorList {
	errs := validateMetaUpdate(&svc.ObjectMeta, &old.ObjectMeta)
	errs = append(errs, validateServiceSpec(&svc.Spec, specPath)...)
	return append(errs, validateClusterIPsUpdate(&svc.Spec, &old.Spec)...)
}

func validateClusterIPsUpdate(spec, old *corev1.ServiceSpec) field.ErrorList {
	if spec.Type == corev1.ServiceTypeExternalName || old.Type == corev1.ServiceTypeExternalName {
		return nil
	}
	newIPs, oldIPs := clusterIPsOf(spec), clusterIPsOf(old)
	if len(newIPs) == 0 || len(oldIPs) == 0 {
		return nil
	}
	if newIPs[0] == corev1.ClusterIPNone && oldIPs[0] == corev1.ClusterIPNone {
		return nil
	}
	errs := field.ErrorList{}
	for i := range min(len(newIPs), len(oldIPs)) {
		if newIPs[i] != oldIPs[i] {
			errs = append(errs, field.Invalid(specPath.Child("clusterIPs").Index(i), newIPs, "may not change once set"))
		}
	}
	return errs
}

// clusterIPsOf returns clusterIPs, or clusterIP alone when only it is set.
func clusterIPsOf(spec *corev1.ServiceSpec) []string {
	if len(spec.ClusterIPs) > 0 {
		return spec.ClusterIPs
	}
	if spec.ClusterIP != "" {
		return []string{spec.ClusterIP}
	}
	return nil
}
