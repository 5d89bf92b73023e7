package admission

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func TestValidatePodCreate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*corev1.Pod)
		want   []want
	}{
		{"valid", func(*corev1.Pod) {}, nil},
		{"bad name", func(p *corev1.Pod) { p.Name = "Web_1" }, []want{invalidAt("metadata.name")}},
		{"missing name", func(p *corev1.Pod) { p.Name = "" }, []want{required("metadata.name")}},
		{"bad label", func(p *corev1.Pod) { p.Labels = map[string]string{"a b": "c"} }, []want{invalidAt("metadata.labels")}},
		{"no containers", func(p *corev1.Pod) { p.Spec.Containers = nil }, []want{required("spec.containers")}},
		{"no image", func(p *corev1.Pod) { p.Spec.Containers[0].Image = "" }, []want{required("spec.containers[0].image")}},
		{"bad container name", func(p *corev1.Pod) { p.Spec.Containers[0].Name = "Nginx" }, []want{invalidAt("spec.containers[0].name")}},
		{"duplicate container name", func(p *corev1.Pod) {
			p.Spec.Containers = append(p.Spec.Containers, p.Spec.Containers[0])
		}, []want{duplicate("spec.containers[1].name")}},
		{"duplicate with init container", func(p *corev1.Pod) {
			p.Spec.InitContainers = []corev1.Container{p.Spec.Containers[0]}
		}, []want{duplicate("spec.containers[0].name")}},
		{"port out of range", func(p *corev1.Pod) {
			p.Spec.Containers[0].Ports = []corev1.ContainerPort{{ContainerPort: 70000, Protocol: corev1.ProtocolTCP}}
		}, []want{invalidAt("spec.containers[0].ports[0].containerPort")}},
		{"bad protocol", func(p *corev1.Pod) {
			p.Spec.Containers[0].Ports = []corev1.ContainerPort{{ContainerPort: 80, Protocol: "HTTP"}}
		}, []want{notSupported("spec.containers[0].ports[0].protocol")}},
		{"bad restartPolicy", func(p *corev1.Pod) { p.Spec.RestartPolicy = "Sometimes" }, []want{notSupported("spec.restartPolicy")}},
		{"bad imagePullPolicy", func(p *corev1.Pod) { p.Spec.Containers[0].ImagePullPolicy = "Maybe" },
			[]want{notSupported("spec.containers[0].imagePullPolicy")}},
		{"request above limit", func(p *corev1.Pod) {
			p.Spec.Containers[0].Resources = corev1.ResourceRequirements{
				Limits:   corev1.ResourceList{"cpu": resource.MustParse("500m")},
				Requests: corev1.ResourceList{"cpu": resource.MustParse("1")},
			}
		}, []want{invalidAt("spec.containers[0].resources.requests[cpu]")}},
		{"unknown resource", func(p *corev1.Pod) {
			p.Spec.Containers[0].Resources.Requests = corev1.ResourceList{"gpu": resource.MustParse("1")}
		}, []want{invalidAt("spec.containers[0].resources.requests[gpu]")}},
		{"extended resource without limit", func(p *corev1.Pod) {
			p.Spec.Containers[0].Resources.Requests = corev1.ResourceList{"nvidia.com/gpu": resource.MustParse("1")}
		}, []want{required("spec.containers[0].resources.limits")}},
		{"mount of unknown volume", func(p *corev1.Pod) {
			p.Spec.Containers[0].VolumeMounts = []corev1.VolumeMount{{Name: "data", MountPath: "/data"}}
		}, []want{notFound("spec.containers[0].volumeMounts[0].name")}},
		{"two volume sources", func(p *corev1.Pod) {
			p.Spec.Volumes = []corev1.Volume{{Name: "v", VolumeSource: corev1.VolumeSource{
				EmptyDir: &corev1.EmptyDirVolumeSource{}, HostPath: &corev1.HostPathVolumeSource{Path: "/tmp"}}}}
		}, []want{forbidden("spec.volumes[0].emptyDir")}},
		{"probe without handler", func(p *corev1.Pod) {
			p.Spec.Containers[0].ReadinessProbe = &corev1.Probe{PeriodSeconds: 10, TimeoutSeconds: 1, SuccessThreshold: 1, FailureThreshold: 3}
		}, []want{required("spec.containers[0].readinessProbe")}},
		{"liveness success threshold", func(p *corev1.Pod) {
			p.Spec.Containers[0].LivenessProbe = &corev1.Probe{SuccessThreshold: 2,
				ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt32(80)}}}
		}, []want{invalidAt("spec.containers[0].livenessProbe.successThreshold")}},
		{"bad env name", func(p *corev1.Pod) { p.Spec.Containers[0].Env = []corev1.EnvVar{{Name: "A=B"}} },
			[]want{invalidAt("spec.containers[0].env[0].name")}},
		{"ephemeral containers on create", func(p *corev1.Pod) {
			p.Spec.EphemeralContainers = []corev1.EphemeralContainer{{EphemeralContainerCommon: corev1.EphemeralContainerCommon{
				Name: "debug", Image: "busybox", ImagePullPolicy: corev1.PullAlways, TerminationMessagePolicy: corev1.TerminationMessageReadFile}}}
		}, []want{forbidden("spec.ephemeralContainers")}},
		{"dnsPolicy None without config", func(p *corev1.Pod) { p.Spec.DNSPolicy = corev1.DNSNone }, []want{required("spec.dnsConfig")}},
		{"bad toleration", func(p *corev1.Pod) {
			p.Spec.Tolerations = append(p.Spec.Tolerations, corev1.Toleration{Operator: corev1.TolerationOpEqual, Value: "x"})
		}, []want{invalidAt("spec.tolerations[2].operator")}},
		{"toleration seconds without NoExecute", func(p *corev1.Pod) {
			p.Spec.Tolerations[0].Effect = corev1.TaintEffectNoSchedule
		}, []want{invalidAt("spec.tolerations[0].effect")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := defaultedPod()
			tt.mutate(p)
			expectErrs(t, ValidateCreate(p), tt.want...)
		})
	}
}

func TestValidatePodMessages(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.Containers[0].Resources.Limits = corev1.ResourceList{"memory": resource.MustParse("1Gi")}
		p.Spec.Containers[0].Resources.Requests = corev1.ResourceList{"memory": resource.MustParse("2Gi")}
	})
	expectMessage(t, ValidateCreate(p), "spec.containers[0].resources.requests[memory]",
		"must be less than or equal to memory limit of 1Gi")
}
