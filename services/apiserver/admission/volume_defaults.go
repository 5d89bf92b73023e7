package admission

import (
	"reflect"

	corev1 "k8s.io/api/core/v1"
)

const defaultTokenExpirationSeconds = int64(3600)

// defaultVolumes applies SetDefaults_Volume and the volume source defaults.
func defaultVolumes(vols []corev1.Volume) {
	for i := range vols {
		src := &vols[i].VolumeSource
		if reflect.DeepEqual(*src, corev1.VolumeSource{}) {
			src.EmptyDir = &corev1.EmptyDirVolumeSource{}
		}
		defaultVolumeSource(src)
	}
}

func defaultVolumeSource(src *corev1.VolumeSource) {
	if s := src.Secret; s != nil && s.DefaultMode == nil {
		s.DefaultMode = new(corev1.SecretVolumeSourceDefaultMode)
	}
	if s := src.ConfigMap; s != nil && s.DefaultMode == nil {
		s.DefaultMode = new(corev1.ConfigMapVolumeSourceDefaultMode)
	}
	if s := src.DownwardAPI; s != nil {
		if s.DefaultMode == nil {
			s.DefaultMode = new(corev1.DownwardAPIVolumeSourceDefaultMode)
		}
		defaultDownwardAPIItems(s.Items)
	}
	if s := src.Projected; s != nil {
		if s.DefaultMode == nil {
			s.DefaultMode = new(corev1.ProjectedVolumeSourceDefaultMode)
		}
		defaultProjections(s.Sources)
	}
	if s := src.HostPath; s != nil && s.Type == nil {
		s.Type = new(corev1.HostPathUnset)
	}
}

func defaultProjections(sources []corev1.VolumeProjection) {
	for i := range sources {
		if t := sources[i].ServiceAccountToken; t != nil && t.ExpirationSeconds == nil {
			t.ExpirationSeconds = new(defaultTokenExpirationSeconds)
		}
		if d := sources[i].DownwardAPI; d != nil {
			defaultDownwardAPIItems(d.Items)
		}
	}
}

func defaultDownwardAPIItems(items []corev1.DownwardAPIVolumeFile) {
	for i := range items {
		defaultFieldRef(items[i].FieldRef)
	}
}
