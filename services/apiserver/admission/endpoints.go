package admission

import (
	"net/netip"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

var subsetsPath = field.NewPath("subsets")

// defaultEndpoints applies SetDefaults_Endpoints: port protocol TCP.
func defaultEndpoints(ep *corev1.Endpoints) {
	for i := range ep.Subsets {
		for j := range ep.Subsets[i].Ports {
			if ep.Subsets[i].Ports[j].Protocol == "" {
				ep.Subsets[i].Ports[j].Protocol = corev1.ProtocolTCP
			}
		}
	}
}

func validateEndpoints(ep *corev1.Endpoints) field.ErrorList {
	errs := validateMeta(&ep.ObjectMeta, true, apivalidation.NameIsDNSSubdomain)
	return append(errs, validateEndpointSubsets(ep.Subsets)...)
}

func validateEndpointsUpdate(ep, old *corev1.Endpoints) field.ErrorList {
	errs := validateMetaUpdate(&ep.ObjectMeta, &old.ObjectMeta)
	return append(errs, validateEndpointSubsets(ep.Subsets)...)
}

func validateEndpointSubsets(subsets []corev1.EndpointSubset) field.ErrorList {
	errs := field.ErrorList{}
	for i, ss := range subsets {
		idxPath := subsetsPath.Index(i)
		if len(ss.Addresses) == 0 && len(ss.NotReadyAddresses) == 0 {
			errs = append(errs, field.Required(idxPath, "must specify `addresses` or `notReadyAddresses`"))
		}
		for j := range ss.Addresses {
			errs = append(errs, validateEndpointAddress(&ss.Addresses[j], idxPath.Child("addresses").Index(j))...)
		}
		for j := range ss.NotReadyAddresses {
			errs = append(errs, validateEndpointAddress(&ss.NotReadyAddresses[j], idxPath.Child("notReadyAddresses").Index(j))...)
		}
		for j, p := range ss.Ports {
			errs = append(errs, validateEndpointPort(p, len(ss.Ports) > 1, idxPath.Child("ports").Index(j))...)
		}
	}
	return errs
}

func validateEndpointAddress(addr *corev1.EndpointAddress, fldPath *field.Path) field.ErrorList {
	ipPath := fldPath.Child("ip")
	errs := validation.IsValidIP(ipPath, addr.IP)
	if ip, err := netip.ParseAddr(addr.IP); err == nil {
		errs = append(errs, validateNonSpecialIP(ip, ipPath)...)
	}
	if addr.Hostname != "" {
		errs = append(errs, validateDNSLabel(addr.Hostname, fldPath.Child("hostname"))...)
	}
	if addr.NodeName != nil {
		errs = append(errs, validateDNSSubdomain(*addr.NodeName, fldPath.Child("nodeName"))...)
	}
	return errs
}

// validateNonSpecialIP rejects endpoint IPs that cannot reach a pod.
func validateNonSpecialIP(ip netip.Addr, fldPath *field.Path) field.ErrorList {
	var msg string
	switch {
	case ip.IsUnspecified():
		msg = "may not be unspecified (0.0.0.0, ::)"
	case ip.IsLoopback():
		msg = "may not be in the loopback range (127.0.0.0/8, ::1/128)"
	case ip.IsLinkLocalUnicast():
		msg = "may not be in the link-local range (169.254.0.0/16, fe80::/10)"
	case ip.IsLinkLocalMulticast():
		msg = "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"
	default:
		return nil
	}
	return field.ErrorList{field.Invalid(fldPath, ip.String(), msg)}
}

func validateEndpointPort(p corev1.EndpointPort, requireName bool, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	if p.Name == "" && requireName {
		errs = append(errs, field.Required(fldPath.Child("name"), ""))
	} else if p.Name != "" {
		errs = append(errs, validateDNSLabel(p.Name, fldPath.Child("name"))...)
	}
	errs = append(errs, validatePortNum(p.Port, fldPath.Child("port"))...)
	return append(errs, validateProtocol(p.Protocol, fldPath.Child("protocol"))...)
}
