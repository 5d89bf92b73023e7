package admission

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func TestDefaultPodSpecFields(t *testing.T) {
	p := defaultedPod()
	s := p.Spec
	checks := []struct {
		name      string
		got, want any
	}{
		{"restartPolicy", s.RestartPolicy, corev1.RestartPolicyAlways},
		{"dnsPolicy", s.DNSPolicy, corev1.DNSClusterFirst},
		{"schedulerName", s.SchedulerName, "default-scheduler"},
		{"terminationGracePeriodSeconds", *s.TerminationGracePeriodSeconds, int64(30)},
		{"securityContext", *s.SecurityContext, corev1.PodSecurityContext{}},
		{"enableServiceLinks", *s.EnableServiceLinks, true},
		{"serviceAccountName", s.ServiceAccountName, "default"},
		{"serviceAccount", s.DeprecatedServiceAccount, "default"},
		{"priority", *s.Priority, int32(0)},
		{"preemptionPolicy", *s.PreemptionPolicy, corev1.PreemptLowerPriority},
		{"phase", p.Status.Phase, corev1.PodPending},
		{"qosClass", p.Status.QOSClass, corev1.PodQOSBestEffort},
		{"imagePullPolicy", s.Containers[0].ImagePullPolicy, corev1.PullIfNotPresent},
		{"terminationMessagePath", s.Containers[0].TerminationMessagePath, "/dev/termination-log"},
		{"terminationMessagePolicy", s.Containers[0].TerminationMessagePolicy, corev1.TerminationMessageReadFile},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestDefaultImagePullPolicy(t *testing.T) {
	tests := []struct {
		image string
		want  corev1.PullPolicy
	}{
		{"nginx", corev1.PullAlways},
		{"nginx:latest", corev1.PullAlways},
		{"nginx:1.27", corev1.PullIfNotPresent},
		{"localhost:5000/nginx", corev1.PullAlways},
		{"localhost:5000/nginx:v1", corev1.PullIfNotPresent},
		{"registry.k8s.io/pause:3.10", corev1.PullIfNotPresent},
		{"nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", corev1.PullIfNotPresent},
		{"nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", corev1.PullAlways},
		{"NGINX", corev1.PullIfNotPresent},
		{"", corev1.PullIfNotPresent},
	}
	for _, tt := range tests {
		if got := defaultPullPolicy(tt.image); got != tt.want {
			t.Errorf("defaultPullPolicy(%q) = %s, want %s", tt.image, got, tt.want)
		}
	}
}

func TestDefaultContainerPortsAndProbes(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		c := &p.Spec.Containers[0]
		c.Ports = []corev1.ContainerPort{{ContainerPort: 80}}
		c.LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromInt32(80)}}}
		c.ReadinessProbe = &corev1.Probe{PeriodSeconds: 5, ProbeHandler: corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt32(80)}}}
	})
	c := p.Spec.Containers[0]
	if c.Ports[0].Protocol != corev1.ProtocolTCP {
		t.Errorf("port protocol = %q, want TCP", c.Ports[0].Protocol)
	}
	lp := c.LivenessProbe
	if lp.TimeoutSeconds != 1 || lp.PeriodSeconds != 10 || lp.SuccessThreshold != 1 || lp.FailureThreshold != 3 {
		t.Errorf("liveness probe defaults = %+v", lp)
	}
	if lp.HTTPGet.Path != "/" || lp.HTTPGet.Scheme != corev1.URISchemeHTTP {
		t.Errorf("httpGet defaults = %+v", lp.HTTPGet)
	}
	if c.ReadinessProbe.PeriodSeconds != 5 {
		t.Errorf("set periodSeconds overwritten: %d", c.ReadinessProbe.PeriodSeconds)
	}
}

func TestDefaultPodKeepsSetValues(t *testing.T) {
	p := defaultedPod(func(p *corev1.Pod) {
		p.Spec.RestartPolicy = corev1.RestartPolicyNever
		p.Spec.DeprecatedServiceAccount = "builder"
		p.Spec.PriorityClassName = "system-node-critical"
		p.Spec.Containers[0].ImagePullPolicy = corev1.PullNever
	})
	if p.Spec.RestartPolicy != corev1.RestartPolicyNever || p.Spec.Containers[0].ImagePullPolicy != corev1.PullNever {
		t.Errorf("explicit values overwritten: %+v", p.Spec)
	}
	if p.Spec.ServiceAccountName != "builder" {
		t.Errorf("serviceAccountName = %q, want builder (from serviceAccount)", p.Spec.ServiceAccountName)
	}
	if *p.Spec.Priority != 2000001000 {
		t.Errorf("priority = %d, want 2000001000", *p.Spec.Priority)
	}
}
