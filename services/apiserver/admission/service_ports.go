package admission

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// portKey identifies a port by protocol and number, which must be unique.
type portKey struct {
	Protocol corev1.Protocol
	Port     int32
}

func validateServicePorts(spec *corev1.ServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	names := sets.New[string]()
	ports, nodePorts := sets.New[portKey](), sets.New[portKey]()
	for i := range spec.Ports {
		sp := &spec.Ports[i]
		idxPath := fldPath.Index(i)
		errs = append(errs, validateServicePort(sp, len(spec.Ports) > 1, names, idxPath)...)
		if sp.NodePort != 0 {
			if spec.Type == corev1.ServiceTypeClusterIP {
				errs = append(errs, field.Forbidden(idxPath.Child("nodePort"), "may not be used when `type` is 'ClusterIP'"))
			}
			key := portKey{sp.Protocol, sp.NodePort}
			if nodePorts.Has(key) {
				errs = append(errs, field.Duplicate(idxPath.Child("nodePort"), sp.NodePort))
			}
			nodePorts.Insert(key)
		}
		key := portKey{sp.Protocol, sp.Port}
		if ports.Has(key) {
			errs = append(errs, field.Duplicate(idxPath, key))
		}
		ports.Insert(key)
	}
	return errs
}

// validateServicePort checks one port; names are required when a service
// has several ports and must then be unique DNS labels.
func validateServicePort(sp *corev1.ServicePort, requireName bool, names sets.Set[string], fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	namePath := fldPath.Child("name")
	if sp.Name == "" && requireName {
		errs = append(errs, field.Required(namePath, ""))
	} else if sp.Name != "" {
		errs = append(errs, validateDNSLabel(sp.Name, namePath)...)
		if names.Has(sp.Name) {
			errs = append(errs, field.Duplicate(namePath, sp.Name))
		}
		names.Insert(sp.Name)
	}
	errs = append(errs, validatePortNum(sp.Port, fldPath.Child("port"))...)
	errs = append(errs, validateProtocol(sp.Protocol, fldPath.Child("protocol"))...)
	errs = append(errs, validatePortNumOrName(sp.TargetPort, fldPath.Child("targetPort"))...)
	if sp.NodePort != 0 {
		errs = append(errs, validatePortNum(sp.NodePort, fldPath.Child("nodePort"))...)
	}
	return errs
}
