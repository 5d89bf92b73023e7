package admission

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

const (
	eventReportingInstanceLimit = 128
	eventActionLimit            = 128
	eventReasonLimit            = 128
	eventNoteLimit              = 1024
)

func validateEvent(e *corev1.Event) field.ErrorList {
	errs := validateMeta(&e.ObjectMeta, true, apivalidation.NameIsDNSSubdomain)
	return append(errs, validateEventFields(e)...)
}

// validateEventUpdate: core/v1 events may be updated freely (count,
// lastTimestamp, message...), as long as they stay valid.
func validateEventUpdate(e, old *corev1.Event) field.ErrorList {
	errs := validateMetaUpdate(&e.ObjectMeta, &old.ObjectMeta)
	return append(errs, validateEventFields(e)...)
}

// validateEventFields is Kubernetes' legacy event validation: old-style
// events (no eventTime) must sit in their object's namespace; new-style ones
// must name their reporter, action and reason.
func validateEventFields(e *corev1.Event) field.ErrorList {
	errs := field.ErrorList{}
	nsPath := field.NewPath("involvedObject", "namespace")
	objNS := e.InvolvedObject.Namespace
	if e.EventTime.IsZero() {
		if (objNS == "" && e.Namespace != "" && e.Namespace != metav1.NamespaceDefault) || (objNS != "" && objNS != e.Namespace) {
			errs = append(errs, field.Invalid(nsPath, objNS, "does not match event.namespace"))
		}
	} else {
		if objNS == "" && e.Namespace != metav1.NamespaceDefault && e.Namespace != metav1.NamespaceSystem {
			errs = append(errs, field.Invalid(nsPath, objNS, "does not match event.namespace"))
		}
		errs = append(errs, validateEventReporting(e)...)
	}
	if e.Namespace != "" {
		errs = append(errs, invalid(field.NewPath("namespace"), e.Namespace, validation.IsDNS1123Subdomain(e.Namespace))...)
	}
	return errs
}

func validateEventReporting(e *corev1.Event) field.ErrorList {
	errs := field.ErrorList{}
	ctrlPath := field.NewPath("reportingController")
	if e.ReportingController == "" {
		errs = append(errs, field.Required(ctrlPath, ""))
	} else {
		errs = append(errs, invalid(ctrlPath, e.ReportingController, validation.IsQualifiedName(e.ReportingController))...)
	}
	errs = append(errs, requireShort("reportingInstance", e.ReportingInstance, eventReportingInstanceLimit)...)
	errs = append(errs, requireShort("action", e.Action, eventActionLimit)...)
	errs = append(errs, requireShort("reason", e.Reason, eventReasonLimit)...)
	if len(e.Message) > eventNoteLimit {
		errs = append(errs, field.Invalid(field.NewPath("message"), "", fmt.Sprintf("can have at most %v characters", eventNoteLimit)))
	}
	return errs
}

// requireShort requires a non-empty value of at most limit characters.
func requireShort(name, value string, limit int) field.ErrorList {
	p := field.NewPath(name)
	if value == "" {
		return field.ErrorList{field.Required(p, "")}
	}
	if len(value) > limit {
		return field.ErrorList{field.Invalid(p, "", fmt.Sprintf("can have at most %v characters", limit))}
	}
	return nil
}
