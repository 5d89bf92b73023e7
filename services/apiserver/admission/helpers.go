package admission

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// invalid turns the messages of a k8s.io/apimachinery/pkg/util/validation
// check into Invalid errors at fldPath.
func invalid(fldPath *field.Path, value any, msgs []string) field.ErrorList {
	errs := field.ErrorList{}
	for _, msg := range msgs {
		errs = append(errs, field.Invalid(fldPath, value, msg))
	}
	return errs
}

// validateEnum requires value to be set and one of allowed.
func validateEnum[S ~string](value S, fldPath *field.Path, allowed ...S) field.ErrorList {
	if value == "" {
		return field.ErrorList{field.Required(fldPath, "")}
	}
	if slices.Contains(allowed, value) {
		return nil
	}
	valid := make([]string, len(allowed))
	for i, a := range allowed {
		valid[i] = string(a)
	}
	return field.ErrorList{field.NotSupported(fldPath, value, valid)}
}

func validateProtocol(p corev1.Protocol, fldPath *field.Path) field.ErrorList {
	return validateEnum(p, fldPath, corev1.ProtocolTCP, corev1.ProtocolUDP, corev1.ProtocolSCTP)
}

func validatePortNum(port int32, fldPath *field.Path) field.ErrorList {
	return invalid(fldPath, port, validation.IsValidPortNum(int(port)))
}

func validatePortNumOrName(port intstr.IntOrString, fldPath *field.Path) field.ErrorList {
	switch port.Type {
	case intstr.Int:
		return invalid(fldPath, port.IntValue(), validation.IsValidPortNum(port.IntValue()))
	case intstr.String:
		return invalid(fldPath, port.StrVal, validation.IsValidPortName(port.StrVal))
	}
	return field.ErrorList{field.InternalError(fldPath, fmt.Errorf("unknown type: %v", port.Type))}
}

func validateDNSLabel(value string, fldPath *field.Path) field.ErrorList {
	return invalid(fldPath, value, validation.IsDNS1123Label(value))
}

func validateDNSSubdomain(value string, fldPath *field.Path) field.ErrorList {
	return invalid(fldPath, value, validation.IsDNS1123Subdomain(value))
}

// validateNonNegative mirrors apimachinery's ValidateNonnegativeField for
// any integer type.
func validateNonNegative[I ~int32 | ~int64](value I, fldPath *field.Path) field.ErrorList {
	if value < 0 {
		return field.ErrorList{field.Invalid(fldPath, value, "must be greater than or equal to 0")}
	}
	return nil
}

func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	return slices.Sorted(maps.Keys(m))
}

// copyMap returns a copy of m (nil stays nil) so defaults never alias maps.
func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}
