package admission

import (
	corev1 "k8s.io/api/core/v1"
)

const defaultTolerationSeconds = int64(300)

// builtinPriorityClasses are the PriorityClasses every cluster has.
var builtinPriorityClasses = map[string]int32{
	"system-cluster-critical": 2000000000,
	"system-node-critical":    2000001000,
}

// defaultTolerations adds the tolerations of the DefaultTolerationSeconds
// admission plugin unless the pod already tolerates those taints.
func defaultTolerations(spec *corev1.PodSpec) {
	for _, key := range []string{corev1.TaintNodeNotReady, corev1.TaintNodeUnreachable} {
		if toleratesNoExecute(spec.Tolerations, key) {
			continue
		}
		spec.Tolerations = append(spec.Tolerations, corev1.Toleration{
			Key:               key,
			Operator:          corev1.TolerationOpExists,
			Effect:            corev1.TaintEffectNoExecute,
			TolerationSeconds: new(defaultTolerationSeconds),
		})
	}
}

func toleratesNoExecute(ts []corev1.Toleration, key string) bool {
	for _, t := range ts {
		keyOK := t.Key == key || t.Key == ""
		effectOK := t.Effect == corev1.TaintEffectNoExecute || t.Effect == ""
		if keyOK && effectOK {
			return true
		}
	}
	return false
}

// defaultPriority does what the Priority admission plugin does when no
// PriorityClass is marked global default.
func defaultPriority(spec *corev1.PodSpec) {
	value, known := builtinPriorityClasses[spec.PriorityClassName]
	if spec.Priority != nil || (spec.PriorityClassName != "" && !known) {
		return
	}
	spec.Priority = new(value)
	if spec.PreemptionPolicy == nil {
		spec.PreemptionPolicy = new(corev1.PreemptLowerPriority)
	}
}
