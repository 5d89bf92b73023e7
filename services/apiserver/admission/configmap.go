package admission

import (
	corev1 "k8s.io/api/core/v1"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// maxDataSize is the limit on the data of a ConfigMap or Secret (1 MiB).
const maxDataSize = 1 * 1024 * 1024

const immutableMessage = "field is immutable when `immutable` is set"

func validateConfigMap(cm *corev1.ConfigMap) field.ErrorList {
	errs := validateMeta(&cm.ObjectMeta, true, apivalidation.NameIsDNSSubdomain)
	return append(errs, validateConfigMapData(cm)...)
}

// validateConfigMapData checks the keys of data and binaryData, which may
// not overlap, and the total size.
func validateConfigMapData(cm *corev1.ConfigMap) field.ErrorList {
	errs := field.ErrorList{}
	dataPath, binaryPath := field.NewPath("data"), field.NewPath("binaryData")
	size := 0
	for _, key := range sortedKeys(cm.Data) {
		errs = append(errs, invalid(dataPath.Key(key), key, validation.IsConfigMapKey(key))...)
		if _, dup := cm.BinaryData[key]; dup {
			errs = append(errs, field.Invalid(dataPath.Key(key), key, "duplicate of key present in binaryData"))
		}
		size += len(cm.Data[key])
	}
	for _, key := range sortedKeys(cm.BinaryData) {
		errs = append(errs, invalid(binaryPath.Key(key), key, validation.IsConfigMapKey(key))...)
		if _, dup := cm.Data[key]; dup {
			errs = append(errs, field.Invalid(binaryPath.Key(key), key, "duplicate of key present in data"))
		}
		size += len(cm.BinaryData[key])
	}
	if size > maxDataSize {
		errs = append(errs, field.TooLong(dataPath, "", maxDataSize))
	}
	return errs
}

// validateConfigMapUpdate: an immutable ConfigMap keeps its data forever.
func validateConfigMapUpdate(cm, old *corev1.ConfigMap) field.ErrorList {
	errs := validateMetaUpdate(&cm.ObjectMeta, &old.ObjectMeta)
	if isTrue(old.Immutable) {
		if !isTrue(cm.Immutable) {
			errs = append(errs, field.Forbidden(field.NewPath("immutable"), immutableMessage))
		}
		if !equalData(cm.Data, old.Data) {
			errs = append(errs, field.Forbidden(field.NewPath("data"), immutableMessage))
		}
		if !equalData(cm.BinaryData, old.BinaryData) {
			errs = append(errs, field.Forbidden(field.NewPath("binaryData"), immutableMessage))
		}
	}
	return append(errs, validateConfigMapData(cm)...)
}

func isTrue(b *bool) bool {
	return b != nil && *b
}

// equalData compares two data maps, nil and empty being equal.
func equalData[V string | []byte](a, b map[string]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok || string(va) != string(vb) {
			return false
		}
	}
	return true
}
