package admission

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// containerContext is what validating one container needs to know about the
// pod it belongs to.
type containerContext struct {
	names       sets.Set[string] // container names seen so far in the pod
	volumes     sets.Set[string] // volume names of the pod
	hostNetwork bool
	init        bool
}

func validateAllContainers(spec *corev1.PodSpec, volumes sets.Set[string], fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	ctx := containerContext{names: sets.New[string](), volumes: volumes, hostNetwork: spec.HostNetwork, init: true}
	for i := range spec.InitContainers {
		errs = append(errs, validateContainer(&spec.InitContainers[i], ctx, fldPath.Child("initContainers").Index(i))...)
	}
	ctx.init = false
	if len(spec.Containers) == 0 {
		errs = append(errs, field.Required(fldPath.Child("containers"), ""))
	}
	for i := range spec.Containers {
		errs = append(errs, validateContainer(&spec.Containers[i], ctx, fldPath.Child("containers").Index(i))...)
	}
	for i := range spec.EphemeralContainers {
		c := (*corev1.Container)(&spec.EphemeralContainers[i].EphemeralContainerCommon)
		errs = append(errs, validateContainerBasics(c, ctx, fldPath.Child("ephemeralContainers").Index(i))...)
	}
	return errs
}

func validateContainer(c *corev1.Container, ctx containerContext, fldPath *field.Path) field.ErrorList {
	errs := validateContainerBasics(c, ctx, fldPath)
	errs = append(errs, validateContainerPorts(c.Ports, ctx.hostNetwork, fldPath.Child("ports"))...)
	errs = append(errs, validateEnv(c.Env, fldPath.Child("env"))...)
	errs = append(errs, validateEnvFrom(c.EnvFrom, fldPath.Child("envFrom"))...)
	errs = append(errs, validateResources(&c.Resources, fldPath.Child("resources"))...)
	errs = append(errs, validateVolumeMounts(c.VolumeMounts, ctx.volumes, fldPath.Child("volumeMounts"))...)
	errs = append(errs, validateContainerProbes(c, ctx.init, fldPath)...)
	if ctx.init && c.RestartPolicy != nil {
		errs = append(errs, validateEnum(*c.RestartPolicy, fldPath.Child("restartPolicy"), corev1.ContainerRestartPolicyAlways)...)
	}
	return errs
}

// validateContainerBasics checks what every kind of container needs: a
// unique DNS-label name, an image and the enumerated policies.
func validateContainerBasics(c *corev1.Container, ctx containerContext, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	namePath := fldPath.Child("name")
	switch {
	case c.Name == "":
		errs = append(errs, field.Required(namePath, ""))
	case len(validation.IsDNS1123Label(c.Name)) > 0:
		errs = append(errs, validateDNSLabel(c.Name, namePath)...)
	case ctx.names.Has(c.Name):
		errs = append(errs, field.Duplicate(namePath, c.Name))
	}
	ctx.names.Insert(c.Name)
	if c.Image == "" {
		errs = append(errs, field.Required(fldPath.Child("image"), ""))
	}
	errs = append(errs, validateEnum(c.ImagePullPolicy, fldPath.Child("imagePullPolicy"),
		corev1.PullAlways, corev1.PullNever, corev1.PullIfNotPresent)...)
	errs = append(errs, validateEnum(c.TerminationMessagePolicy, fldPath.Child("terminationMessagePolicy"),
		corev1.TerminationMessageReadFile, corev1.TerminationMessageFallbackToLogsOnError)...)
	return errs
}
