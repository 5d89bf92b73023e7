package sim

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"
)

// ParseCapacity reads "cpu=8,memory=32Gi,pods=110".
func ParseCapacity(s string) (corev1.ResourceList, error) {
	out := corev1.ResourceList{}
	for _, item := range SplitList(s) {
		k, v, ok := strings.Cut(item, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("capacity %q: want name=quantity", item)
		}
		q, err := resource.ParseQuantity(v)
		if err != nil {
			return nil, fmt.Errorf("capacity %q: %v", item, err)
		}
		out[corev1.ResourceName(k)] = q
	}
	return out, nil
}

// ParseLabels reads "k=v,k2=v2", with the apiserver's rules for keys and
// values so a bad label fails here and not on 5,000 creates.
func ParseLabels(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, item := range SplitList(s) {
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("label %q: want key=value", item)
		}
		if err := checkLabel(k, v); err != nil {
			return nil, fmt.Errorf("label %q: %v", item, err)
		}
		out[k] = v
	}
	return out, nil
}

// ParseTaints reads taints as kubectl taint writes them:
// "key=value:Effect" or "key:Effect", comma separated.
func ParseTaints(s string) ([]corev1.Taint, error) {
	var out []corev1.Taint
	for _, item := range SplitList(s) {
		kv, effect, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("taint %q: want key[=value]:Effect", item)
		}
		k, v, _ := strings.Cut(kv, "=")
		if err := checkLabel(k, v); err != nil {
			return nil, fmt.Errorf("taint %q: %v", item, err)
		}
		e := corev1.TaintEffect(effect)
		if e != corev1.TaintEffectNoSchedule && e != corev1.TaintEffectPreferNoSchedule && e != corev1.TaintEffectNoExecute {
			return nil, fmt.Errorf("taint %q: effect must be NoSchedule, PreferNoSchedule or NoExecute", item)
		}
		out = append(out, corev1.Taint{Key: k, Value: v, Effect: e})
	}
	return out, nil
}

// SplitList splits a comma separated flag value, dropping blanks.
func SplitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func checkLabel(k, v string) error {
	if errs := validation.IsQualifiedName(k); len(errs) > 0 {
		return fmt.Errorf("key: %s", strings.Join(errs, "; "))
	}
	if errs := validation.IsValidLabelValue(v); len(errs) > 0 {
		return fmt.Errorf("value: %s", strings.Join(errs, "; "))
	}
	return nil
}

// checkPrefix makes sure prefix + index is a valid node name.
func checkPrefix(prefix string) error {
	if errs := validation.IsDNS1123Subdomain(prefix + "0"); len(errs) > 0 {
		return fmt.Errorf("sim: name prefix %q does not make valid node names: %s", prefix, strings.Join(errs, "; "))
	}
	return nil
}
