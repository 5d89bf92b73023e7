package admission

import (
	corev1 "k8s.io/api/core/v1"
)

// defaultPod applies SetDefaults_Pod and SetDefaults_PodSpec, then what the
// ServiceAccount, DefaultTolerationSeconds and Priority admission plugins add
// to every pod, and the initial status kube-apiserver gives a new pod.
func defaultPod(p *corev1.Pod) {
	defaultPodSpec(&p.Spec)
	defaultRequestsFromLimits(p.Spec.InitContainers)
	defaultRequestsFromLimits(p.Spec.Containers)
	if p.Spec.EnableServiceLinks == nil {
		p.Spec.EnableServiceLinks = new(corev1.DefaultEnableServiceLinks)
	}
	if p.Spec.ServiceAccountName == "" {
		p.Spec.ServiceAccountName = "default"
		p.Spec.DeprecatedServiceAccount = "default"
	}
	defaultTolerations(&p.Spec)
	defaultPriority(&p.Spec)
	defaultPodStatus(p)
}

// defaultPodSpec applies SetDefaults_PodSpec and the nested defaults; pod
// templates get exactly these.
func defaultPodSpec(spec *corev1.PodSpec) {
	if spec.DNSPolicy == "" {
		spec.DNSPolicy = corev1.DNSClusterFirst
	}
	if spec.RestartPolicy == "" {
		spec.RestartPolicy = corev1.RestartPolicyAlways
	}
	if spec.SecurityContext == nil {
		spec.SecurityContext = &corev1.PodSecurityContext{}
	}
	if spec.TerminationGracePeriodSeconds == nil {
		spec.TerminationGracePeriodSeconds = new(int64(corev1.DefaultTerminationGracePeriodSeconds))
	}
	if spec.SchedulerName == "" {
		spec.SchedulerName = corev1.DefaultSchedulerName
	}
	// v1 conversion: serviceAccount is the deprecated alias of serviceAccountName.
	if spec.ServiceAccountName == "" {
		spec.ServiceAccountName = spec.DeprecatedServiceAccount
	}
	spec.DeprecatedServiceAccount = spec.ServiceAccountName
	if spec.HostNetwork {
		defaultHostNetworkPorts(spec.InitContainers)
		defaultHostNetworkPorts(spec.Containers)
	}
	defaultContainers(spec.InitContainers)
	defaultContainers(spec.Containers)
	defaultEphemeralContainers(spec.EphemeralContainers)
	defaultVolumes(spec.Volumes)
}

func defaultHostNetworkPorts(cs []corev1.Container) {
	for i := range cs {
		for j := range cs[i].Ports {
			if cs[i].Ports[j].HostPort == 0 {
				cs[i].Ports[j].HostPort = cs[i].Ports[j].ContainerPort
			}
		}
	}
}

// defaultRequestsFromLimits sets each missing request to its limit.
func defaultRequestsFromLimits(cs []corev1.Container) {
	for i := range cs {
		res := &cs[i].Resources
		if res.Limits == nil {
			continue
		}
		if res.Requests == nil {
			res.Requests = corev1.ResourceList{}
		}
		for name, limit := range res.Limits {
			if _, ok := res.Requests[name]; !ok {
				res.Requests[name] = limit.DeepCopy()
			}
		}
	}
}
