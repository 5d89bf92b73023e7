package admission

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var serviceTypes = []corev1.ServiceType{corev1.ServiceTypeClusterIP, corev1.ServiceTypeNodePort,
	corev1.ServiceTypeLoadBalancer, corev1.ServiceTypeExternalName}

// validateService validates a service; its name must be a DNS-1035 label.
func validateService(svc *corev1.Service) field.ErrorList {
	errs := validateMeta(&svc.ObjectMeta, true, apivalidation.NameIsDNS1035Label)
	return append(errs, validateServiceSpec(&svc.Spec, specPath)...)
}

func validateServiceSpec(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := validateEnum(spec.Type, fldPath.Child("type"), serviceTypes...)
	if spec.Type == corev1.ServiceTypeExternalName {
		errs = append(errs, validateExternalName(spec, fldPath)...)
	} else {
		if len(spec.Ports) == 0 && spec.ClusterIP != corev1.ClusterIPNone {
			errs = append(errs, field.Required(fldPath.Child("ports"), ""))
		}
		errs = append(errs, validateClusterIPs(spec, fldPath)...)
		errs = append(errs, validateIPFamilies(spec, fldPath)...)
	}
	errs = append(errs, validateServicePorts(spec, fldPath.Child("ports"))...)
	errs = append(errs, metav1validation.ValidateLabels(spec.Selector, fldPath.Child("selector"))...)
	errs = append(errs, validateEnum(spec.SessionAffinity, fldPath.Child("sessionAffinity"),
		corev1.ServiceAffinityClientIP, corev1.ServiceAffinityNone)...)
	for i, ip := range spec.ExternalIPs {
		errs = append(errs, validation.IsValidIP(fldPath.Child("externalIPs").Index(i), ip)...)
	}
	return append(errs, validateTrafficPolicies(spec, fldPath)...)
}

func validateExternalName(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	const msg = "may not be set for ExternalName services"
	if spec.ClusterIP != "" || len(spec.ClusterIPs) > 0 {
		errs = append(errs, field.Forbidden(fldPath.Child("clusterIPs"), msg))
	}
	if len(spec.IPFamilies) > 0 {
		errs = append(errs, field.Forbidden(fldPath.Child("ipFamilies"), msg))
	}
	if spec.IPFamilyPolicy != nil {
		errs = append(errs, field.Forbidden(fldPath.Child("ipFamilyPolicy"), msg))
	}
	// A trailing dot marks the CNAME as fully qualified.
	if cname := strings.TrimSuffix(spec.ExternalName, "."); cname != "" {
		errs = append(errs, validateDNSSubdomain(cname, fldPath.Child("externalName"))...)
	} else {
		errs = append(errs, field.Required(fldPath.Child("externalName"), ""))
	}
	return errs
}

func validateClusterIPs(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	ipsPath := fldPath.Child("clusterIPs")
	if spec.ClusterIP != "" && spec.ClusterIP != corev1.ClusterIPNone {
		errs = append(errs, validation.IsValidIP(fldPath.Child("clusterIP"), spec.ClusterIP)...)
	}
	if len(spec.ClusterIPs) > 0 && spec.ClusterIP != "" && spec.ClusterIP != spec.ClusterIPs[0] {
		errs = append(errs, field.Invalid(ipsPath, spec.ClusterIPs, "first value must match `clusterIP`"))
	}
	for i, ip := range spec.ClusterIPs {
		if ip == corev1.ClusterIPNone {
			if i > 0 || len(spec.ClusterIPs) > 1 {
				errs = append(errs, field.Invalid(ipsPath, spec.ClusterIPs, "must have at most one value when the first value is `None`"))
			}
			continue
		}
		errs = append(errs, validation.IsValidIP(ipsPath.Index(i), ip)...)
	}
	return errs
}

func validateIPFamilies(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	famPath := fldPath.Child("ipFamilies")
	if spec.IPFamilyPolicy != nil {
		errs = append(errs, validateEnum(*spec.IPFamilyPolicy, fldPath.Child("ipFamilyPolicy"), corev1.IPFamilyPolicySingleStack,
			corev1.IPFamilyPolicyPreferDualStack, corev1.IPFamilyPolicyRequireDualStack)...)
		if *spec.IPFamilyPolicy == corev1.IPFamilyPolicySingleStack && len(spec.IPFamilies) > 1 {
			errs = append(errs, field.Invalid(famPath, spec.IPFamilies, "when multiple IP families are specified, IP family policy must be PreferDualStack or RequireDualStack"))
		}
	}
	if len(spec.IPFamilies) > 2 {
		errs = append(errs, field.Invalid(famPath, spec.IPFamilies, "may specify no more than one IP for each IP family"))
	}
	for i, f := range spec.IPFamilies {
		errs = append(errs, validateEnum(f, famPath.Index(i), corev1.IPv4Protocol, corev1.IPv6Protocol)...)
		if i > 0 && f == spec.IPFamilies[0] {
			errs = append(errs, field.Duplicate(famPath.Index(i), f))
		}
	}
	return errs
}

func validateTrafficPolicies(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	etpPath := fldPath.Child("externalTrafficPolicy")
	if !externallyAccessible(spec) {
		if spec.ExternalTrafficPolicy != "" {
			errs = append(errs, field.Invalid(etpPath, spec.ExternalTrafficPolicy, "may only be set for externally-accessible services"))
		}
	} else {
		errs = append(errs, validateEnum(spec.ExternalTrafficPolicy, etpPath,
			corev1.ServiceExternalTrafficPolicyCluster, corev1.ServiceExternalTrafficPolicyLocal)...)
	}
	if itp := spec.InternalTrafficPolicy; itp != nil {
		errs = append(errs, validateEnum(*itp, fldPath.Child("internalTrafficPolicy"),
			corev1.ServiceInternalTrafficPolicyCluster, corev1.ServiceInternalTrafficPolicyLocal)...)
	} else if spec.Type != corev1.ServiceTypeExternalName {
		errs = append(errs, field.Required(fldPath.Child("internalTrafficPolicy"), ""))
	}
	return errs
}
