package admission

import (
	"path"
	"reflect"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateVolumes checks the pod volumes and returns their names.
func validateVolumes(vols []corev1.Volume, fldPath *field.Path) (sets.Set[string], field.ErrorList) {
	errs := field.ErrorList{}
	names := sets.New[string]()
	for i := range vols {
		idxPath := fldPath.Index(i)
		name := vols[i].Name
		switch {
		case name == "":
			errs = append(errs, field.Required(idxPath.Child("name"), ""))
		case len(validation.IsDNS1123Label(name)) > 0:
			errs = append(errs, validateDNSLabel(name, idxPath.Child("name"))...)
		case names.Has(name):
			errs = append(errs, field.Duplicate(idxPath.Child("name"), name))
		}
		names.Insert(name)
		errs = append(errs, validateVolumeSource(&vols[i].VolumeSource, idxPath)...)
	}
	return names, errs
}

// validateVolumeSource requires exactly one source and its mandatory fields.
func validateVolumeSource(src *corev1.VolumeSource, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	set := setSources(src)
	switch {
	case len(set) == 0:
		errs = append(errs, field.Required(fldPath, "must specify a volume type"))
	case len(set) > 1:
		errs = append(errs, field.Forbidden(fldPath.Child(set[1]), "may not specify more than 1 volume type"))
	}
	if s := src.Secret; s != nil && s.SecretName == "" {
		errs = append(errs, field.Required(fldPath.Child("secret", "secretName"), ""))
	}
	if s := src.ConfigMap; s != nil && s.Name == "" {
		errs = append(errs, field.Required(fldPath.Child("configMap", "name"), ""))
	}
	if s := src.PersistentVolumeClaim; s != nil && s.ClaimName == "" {
		errs = append(errs, field.Required(fldPath.Child("persistentVolumeClaim", "claimName"), ""))
	}
	if s := src.HostPath; s != nil && s.Path == "" {
		errs = append(errs, field.Required(fldPath.Child("hostPath", "path"), ""))
	}
	return errs
}

// setSources returns the JSON names of the non-nil sources of src.
func setSources(src *corev1.VolumeSource) []string {
	var set []string
	v := reflect.ValueOf(src).Elem()
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Pointer && !f.IsNil() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			set = append(set, name)
		}
	}
	return set
}

func validateVolumeMounts(mounts []corev1.VolumeMount, volumes sets.Set[string], fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	mountPaths := sets.New[string]()
	for i, m := range mounts {
		idxPath := fldPath.Index(i)
		if m.Name == "" {
			errs = append(errs, field.Required(idxPath.Child("name"), ""))
		} else if !volumes.Has(m.Name) {
			errs = append(errs, field.NotFound(idxPath.Child("name"), m.Name))
		}
		if m.MountPath == "" {
			errs = append(errs, field.Required(idxPath.Child("mountPath"), ""))
		} else if mountPaths.Has(m.MountPath) {
			errs = append(errs, field.Invalid(idxPath.Child("mountPath"), m.MountPath, "must be unique"))
		}
		mountPaths.Insert(m.MountPath)
		errs = append(errs, validateSubPath(m.SubPath, idxPath.Child("subPath"))...)
	}
	return errs
}

// validateSubPath requires a relative path that stays below the volume root.
func validateSubPath(p string, fldPath *field.Path) field.ErrorList {
	errs := field.ErrorList{}
	if path.IsAbs(p) {
		errs = append(errs, field.Invalid(fldPath, p, "must be a relative path"))
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			errs = append(errs, field.Invalid(fldPath, p, "must not contain '..'"))
			break
		}
	}
	return errs
}
