package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func TestDefaultRequestsFromLimits(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.Containers[0].Resources = corev1.ResourceRequirements{
			Limits:   corev1.ResourceList{"cpu": resource.MustParse("1"), "memory": resource.MustParse("1Gi")},
			Requests: corev1.ResourceList{"cpu": resource.MustParse("500m")},
		}
	})
	req := p.Spec.Containers[0].Resources.Requests
	if cpu := req["cpu"]; cpu.String() != "500m" {
		t.Errorf("cpu request = %s, want 500m (kept)", cpu.String())
	}
	if mem := req["memory"]; mem.String() != "1Gi" {
		t.Errorf("memory request = %s, want 1Gi (from limit)", mem.String())
	}
	if p.Status.QOSClass != corev1.PodQOSBurstable {
		t.Errorf("qosClass = %s, want Burstable", p.Status.QOSClass)
	}
}

func TestDefaultQOSGuaranteed(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.Containers[0].Resources.Limits = corev1.ResourceList{"cpu": resource.MustParse("1"), "memory": resource.MustParse("1Gi")}
	})
	if p.Status.QOSClass != corev1.PodQOSGuaranteed {
		t.Errorf("qosClass = %s, want Guaranteed", p.Status.QOSClass)
	}
}

func TestDefaultTolerations(t *testing.T) {
	tests := []struct {
		name     string
		existing []corev1.Toleration
		wantKeys []string
	}{
		{"none", nil, []string{corev1.TaintNodeNotReady, corev1.TaintNodeUnreachable}},
		{"tolerates not-ready", []corev1.Toleration{{Key: corev1.TaintNodeNotReady, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute}},
			[]string{corev1.TaintNodeNotReady, corev1.TaintNodeUnreachable}},
		{"tolerates everything", []corev1.Toleration{{Operator: corev1.TolerationOpExists}}, []string{""}},
		{"other effect", []corev1.Toleration{{Key: "a", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule}},
			[]string{"a", corev1.TaintNodeNotReady, corev1.TaintNodeUnreachable}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := defaultedPod(func(p *corev1.Pod) { p.Spec.Tolerations = tt.existing })
			var keys []string
			for _, tol := range p.Spec.Tolerations {
				keys = append(keys, tol.Key)
			}
			if len(keys) != len(tt.wantKeys) {
				t.Fatalf("toleration keys = %v, want %v", keys, tt.wantKeys)
			}
			for i := range keys {
				if keys[i] != tt.wantKeys[i] {
					t.Fatalf("toleration keys = %v, want %v", keys, tt.wantKeys)
				}
			}
			last := p.Spec.Tolerations[len(p.Spec.Tolerations)-1]
			if last.Key == corev1.TaintNodeUnreachable && (last.TolerationSeconds == nil || *last.TolerationSeconds != 300) {
				t.Errorf("unreachable toleration = %+v, want 300s", last)
			}
		})
	}
}

func TestDefaultPodVolumes(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.Volumes = []corev1.Volume{
			{Name: "scratch"},
			{Name: "cfg", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{}}},
		}
	})
	if p.Spec.Volumes[0].EmptyDir == nil {
		t.Errorf("volume without source did not default to emptyDir")
	}
	if m := p.Spec.Volumes[1].ConfigMap.DefaultMode; m == nil || *m != 0o644 {
		t.Errorf("configMap defaultMode = %v, want 0644", m)
	}
}

func TestDefaultHostNetworkPorts(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.HostNetwork = true
		p.Spec.Containers[0].Ports = []corev1.ContainerPort{{ContainerPort: 8080}}
	})
	if hp := p.Spec.Containers[0].Ports[0].HostPort; hp != 8080 {
		t.Errorf("hostPort = %d, want 8080", hp)
	}
}
