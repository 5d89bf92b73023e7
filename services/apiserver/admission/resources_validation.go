package admission

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateResources checks resource names and quantities and that every
// request fits its limit (equals it for resources that cannot be overcommitted).
func validateResources(res *corev1.ResourceRequirements, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	limPath, reqPath := fldPath.Child("limits"), fldPath.Child("requests")
	for _, name := range sortedKeys(res.Limits) {
		errs = append(errs, validateResourceQuantity(name, res.Limits[name], limPath.Key(string(name)))...)
	}
	for _, name := range sortedKeys(res.Requests) {
		p := reqPath.Key(string(name))
		req := res.Requests[name]
		errs = append(errs, validateResourceQuantity(name, req, p)...)
		limit, hasLimit := res.Limits[name]
		switch {
		case hasLimit && !overcommitAllowed(name) && req.Cmp(limit) != 0:
			msg := fmt.Sprintf("must be equal to %s limit of %s", name, limit.String())
			errs = append(errs, field.Invalid(p, req.String(), msg))
		case hasLimit && req.Cmp(limit) > 0:
			msg := fmt.Sprintf("must be less than or equal to %s limit of %s", name, limit.String())
			errs = append(errs, field.Invalid(p, req.String(), msg))
		case !hasLimit && !overcommitAllowed(name):
			errs = append(errs, field.Required(limPath, "Limit must be set for non overcommitable resources"))
		}
	}
	return errs
}

func validateResourceQuantity(name corev1.ResourceName, q resource.Quantity, fldPath *field.Path) field.ErrorList {
	errs := validateContainerResourceName(name, fldPath)
	if q.Sign() < 0 {
		errs = append(errs, field.Invalid(fldPath, q.String(), "must be greater than or equal to 0"))
	}
	return errs
}

func validateContainerResourceName(name corev1.ResourceName, fldPath *field.Path) field.ErrorList {
	s := string(name)
	if !strings.Contains(s, "/") {
		if !isStandardContainerResource(s) {
			return field.ErrorList{field.Invalid(fldPath, s, "must be a standard resource for containers")}
		}
		return nil
	}
	return invalid(fldPath, s, validation.IsQualifiedName(s))
}

func isStandardContainerResource(name string) bool {
	switch corev1.ResourceName(name) {
	case corev1.ResourceCPU, corev1.ResourceMemory, corev1.ResourceEphemeralStorage:
		return true
	}
	return strings.HasPrefix(name, corev1.ResourceHugePagesPrefix)
}

// overcommitAllowed reports whether requests may be below limits: true for
// native resources except hugepages, false for extended resources.
func overcommitAllowed(name corev1.ResourceName) bool {
	s := string(name)
	native := !strings.Contains(s, "/") || strings.Contains(s, corev1.ResourceDefaultNamespacePrefix)
	return native && !strings.HasPrefix(s, corev1.ResourceHugePagesPrefix)
}
