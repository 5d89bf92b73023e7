package admission

import (
	"net/netip"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

const (
	maxSliceEndpoints = 1000
	maxSlicePorts     = 100
	maxSliceAddresses = 100
)

// defaultEndpointSlice applies discovery/v1 SetDefaults_EndpointPort.
func defaultEndpointSlice(s *discoveryv1.EndpointSlice) {
	for i := range s.Ports {
		if s.Ports[i].Name == nil {
			s.Ports[i].Name = new("")
		}
		if s.Ports[i].Protocol == nil {
			s.Ports[i].Protocol = new(corev1.ProtocolTCP)
		}
	}
}

func validateEndpointSlice(s *discoveryv1.EndpointSlice) field.ErrorList {
	errs := validateMeta(&s.ObjectMeta, true, apivalidation.NameIsDNSSubdomain)
	errs = append(errs, validateEnum(s.AddressType, field.NewPath("addressType"),
		discoveryv1.AddressTypeIPv4, discoveryv1.AddressTypeIPv6, discoveryv1.AddressTypeFQDN)...)
	errs = append(errs, validateSliceEndpoints(s.Endpoints, s.AddressType, field.NewPath("endpoints"))...)
	return append(errs, validateSlicePorts(s.Ports, field.NewPath("ports"))...)
}

// validateEndpointSliceUpdate also keeps addressType immutable.
func validateEndpointSliceUpdate(s, old *discoveryv1.EndpointSlice) field.ErrorList {
	errs := validateMetaUpdate(&s.ObjectMeta, &old.ObjectMeta)
	errs = append(errs, validateSliceEndpoints(s.Endpoints, s.AddressType, field.NewPath("endpoints"))...)
	errs = append(errs, validateSlicePorts(s.Ports, field.NewPath("ports"))...)
	return append(errs, apivalidation.ValidateImmutableField(s.AddressType, old.AddressType, field.NewPath("addressType"))...)
}

func validateSliceEndpoints(eps []discoveryv1.Endpoint, addrType discoveryv1.AddressType, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	if len(eps) > maxSliceEndpoints {
		errs = append(errs, field.TooMany(fldPath, len(eps), maxSliceEndpoints))
	}
	for i, ep := range eps {
		idxPath := fldPath.Index(i)
		addrPath := idxPath.Child("addresses")
		switch {
		case len(ep.Addresses) == 0:
			errs = append(errs, field.Required(addrPath, "must contain at least 1 address"))
		case len(ep.Addresses) > maxSliceAddresses:
			errs = append(errs, field.TooMany(addrPath, len(ep.Addresses), maxSliceAddresses))
		}
		for j, addr := range ep.Addresses {
			errs = append(errs, validateSliceAddress(addr, addrType, addrPath.Index(j))...)
		}
		if ep.Hostname != nil {
			errs = append(errs, validateDNSLabel(*ep.Hostname, idxPath.Child("hostname"))...)
		}
		if ep.NodeName != nil {
			errs = append(errs, validateDNSSubdomain(*ep.NodeName, idxPath.Child("nodeName"))...)
		}
	}
	return errs
}

func validateSliceAddress(addr string, addrType discoveryv1.AddressType, fldPath *field.Path) field.ErrorList {
	ip, err := netip.ParseAddr(addr)
	switch addrType {
	case discoveryv1.AddressTypeIPv4:
		if err != nil || !ip.Is4() {
			return field.ErrorList{field.Invalid(fldPath, addr, "must be a valid IPv4 address")}
		}
	case discoveryv1.AddressTypeIPv6:
		if err != nil || !ip.Is6() {
			return field.ErrorList{field.Invalid(fldPath, addr, "must be a valid IPv6 address")}
		}
	case discoveryv1.AddressTypeFQDN:
		return validation.IsFullyQualifiedDomainName(fldPath, addr)
	}
	return nil
}

func validateSlicePorts(ports []discoveryv1.EndpointPort, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	if len(ports) > maxSlicePorts {
		errs = append(errs, field.TooMany(fldPath, len(ports), maxSlicePorts))
	}
	names := sets.New[string]()
	for i, p := range ports {
		idxPath := fldPath.Index(i)
		if p.Name != nil && *p.Name != "" {
			errs = append(errs, validateDNSLabel(*p.Name, idxPath.Child("name"))...)
		}
		if name := ptrValue(p.Name); names.Has(name) {
			errs = append(errs, field.Duplicate(idxPath.Child("name"), name))
		} else {
			names.Insert(name)
		}
		if p.Port != nil {
			errs = append(errs, validatePortNum(*p.Port, idxPath.Child("port"))...)
		}
		if p.Protocol != nil {
			errs = append(errs, validateProtocol(*p.Protocol, idxPath.Child("protocol"))...)
		}
	}
	return errs
}

func ptrValue[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
