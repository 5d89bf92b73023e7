package admission

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

func validateContainerProbes(c *corev1.Container, init bool, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	sidecar := c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
	if init && !sidecar {
		fields := []struct {
			name string
			set  bool
		}{{"lifecycle", c.Lifecycle != nil}, {"livenessProbe", c.LivenessProbe != nil},
			{"readinessProbe", c.ReadinessProbe != nil}, {"startupProbe", c.StartupProbe != nil}}
		for _, f := range fields {
			if f.set {
				errs = append(errs, field.Forbidden(fldPath.Child(f.name), "may not be set for init containers without restartPolicy=Always"))
			}
		}
		return errs
	}
	errs = append(errs, validateProbe(c.LivenessProbe, true, fldPath.Child("livenessProbe"))...)
	errs = append(errs, validateProbe(c.ReadinessProbe, false, fldPath.Child("readinessProbe"))...)
	errs = append(errs, validateProbe(c.StartupProbe, true, fldPath.Child("startupProbe"))...)
	if l := c.Lifecycle; l != nil {
		errs = append(errs, validateLifecycleHandler(l.PostStart, fldPath.Child("lifecycle", "postStart"))...)
		errs = append(errs, validateLifecycleHandler(l.PreStop, fldPath.Child("lifecycle", "preStop"))...)
	}
	return errs
}

// validateProbe checks one probe; liveness and startup probes must have a
// success threshold of 1.
func validateProbe(p *corev1.Probe, successMustBeOne bool, fldPath *field.Path) field.ErrorList {
	if p == nil {
		return nil
	}
	h := handler{exec: p.Exec, httpGet: p.HTTPGet, tcpSocket: p.TCPSocket, grpc: p.GRPC}
	errs := h.validate(fldPath)
	errs = append(errs, validateNonNegative(p.InitialDelaySeconds, fldPath.Child("initialDelaySeconds"))...)
	errs = append(errs, validateNonNegative(p.TimeoutSeconds, fldPath.Child("timeoutSeconds"))...)
	errs = append(errs, validateNonNegative(p.PeriodSeconds, fldPath.Child("periodSeconds"))...)
	errs = append(errs, validateNonNegative(p.SuccessThreshold, fldPath.Child("successThreshold"))...)
	errs = append(errs, validateNonNegative(p.FailureThreshold, fldPath.Child("failureThreshold"))...)
	if successMustBeOne && p.SuccessThreshold != 1 {
		errs = append(errs, field.Invalid(fldPath.Child("successThreshold"), p.SuccessThreshold, "must be 1"))
	}
	if g := p.TerminationGracePeriodSeconds; g != nil && *g <= 0 {
		errs = append(errs, field.Invalid(fldPath.Child("terminationGracePeriodSeconds"), *g, "must be greater than 0"))
	}
	return errs
}

func validateLifecycleHandler(l *corev1.LifecycleHandler, fldPath *field.Path) field.ErrorList {
	if l == nil {
		return nil
	}
	h := handler{exec: l.Exec, httpGet: l.HTTPGet, tcpSocket: l.TCPSocket, sleep: l.Sleep}
	return h.validate(fldPath)
}

// handler is the union of the actions of probes and lifecycle hooks.
type handler struct {
	exec      *corev1.ExecAction
	httpGet   *corev1.HTTPGetAction
	tcpSocket *corev1.TCPSocketAction
	grpc      *corev1.GRPCAction
	sleep     *corev1.SleepAction
}

// validate requires exactly one action and checks it.
func (h handler) validate(fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	var set []string
	if h.exec != nil {
		set = append(set, "exec")
		if len(h.exec.Command) == 0 {
			errs = append(errs, field.Required(fldPath.Child("exec", "command"), ""))
		}
	}
	if h.httpGet != nil {
		set = append(set, "httpGet")
		errs = append(errs, validateHTTPGet(h.httpGet, fldPath.Child("httpGet"))...)
	}
	if h.tcpSocket != nil {
		set = append(set, "tcpSocket")
		errs = append(errs, validatePortNumOrName(h.tcpSocket.Port, fldPath.Child("tcpSocket", "port"))...)
	}
	if h.grpc != nil {
		set = append(set, "grpc")
		errs = append(errs, validatePortNum(h.grpc.Port, fldPath.Child("grpc", "port"))...)
	}
	if h.sleep != nil {
		set = append(set, "sleep")
		errs = append(errs, validateNonNegative(h.sleep.Seconds, fldPath.Child("sleep", "seconds"))...)
	}
	switch {
	case len(set) == 0:
		errs = append(errs, field.Required(fldPath, "must specify a handler type"))
	case len(set) > 1:
		errs = append(errs, field.Forbidden(fldPath.Child(set[1]), "may not specify more than 1 handler type"))
	}
	return errs
}

func validateHTTPGet(h *corev1.HTTPGetAction, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	if h.Path == "" {
		errs = append(errs, field.Required(fldPath.Child("path"), ""))
	}
	errs = append(errs, validatePortNumOrName(h.Port, fldPath.Child("port"))...)
	errs = append(errs, validateEnum(h.Scheme, fldPath.Child("scheme"), corev1.URISchemeHTTP, corev1.URISchemeHTTPS)...)
	return errs
}
