package admission

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// defaultContainers applies SetDefaults_Container and the defaults of the
// structs nested in a container (ports, probes, lifecycle hooks, env).
func defaultContainers(cs []corev1.Container) {
	for i := range cs {
		defaultContainer(&cs[i])
	}
}

func defaultEphemeralContainers(cs []corev1.EphemeralContainer) {
	for i := range cs {
		defaultContainer((*corev1.Container)(&cs[i].EphemeralContainerCommon))
	}
}

func defaultContainer(c *corev1.Container) {
	if c.ImagePullPolicy == "" {
		c.ImagePullPolicy = defaultPullPolicy(c.Image)
	}
	if c.TerminationMessagePath == "" {
		c.TerminationMessagePath = corev1.TerminationMessagePathDefault
	}
	if c.TerminationMessagePolicy == "" {
		c.TerminationMessagePolicy = corev1.TerminationMessageReadFile
	}
	for i := range c.Ports {
		if c.Ports[i].Protocol == "" {
			c.Ports[i].Protocol = corev1.ProtocolTCP
		}
	}
	for _, p := range []*corev1.Probe{c.LivenessProbe, c.ReadinessProbe, c.StartupProbe} {
		defaultProbe(p)
	}
	if c.Lifecycle != nil {
		defaultLifecycleHandler(c.Lifecycle.PostStart)
		defaultLifecycleHandler(c.Lifecycle.PreStop)
	}
	for i := range c.Env {
		if c.Env[i].ValueFrom != nil {
			defaultFieldRef(c.Env[i].ValueFrom.FieldRef)
		}
	}
}

// defaultPullPolicy is Always for the "latest" tag (explicit or implied by a
// reference with neither tag nor digest), IfNotPresent otherwise.
func defaultPullPolicy(image string) corev1.PullPolicy {
	if imageTag(image) == "latest" {
		return corev1.PullAlways
	}
	return corev1.PullIfNotPresent
}

// imageTag returns the tag of an image reference the way the docker reference
// parser does: "latest" when neither tag nor digest is given, "" when only a
// digest is given or the reference cannot be parsed.
func imageTag(image string) string {
	name, _, hasDigest := strings.Cut(image, "@")
	tag, tagged := "", false
	if i := strings.LastIndex(name, ":"); i > strings.LastIndex(name, "/") {
		name, tag, tagged = name[:i], name[i+1:], true
	}
	if name == "" || (tagged && tag == "") || !validRepository(name) {
		return ""
	}
	if !tagged && !hasDigest {
		return "latest"
	}
	return tag
}

// validRepository reports whether the path of a repository (after its
// registry host, if any) is lowercase and free of blanks, as references require.
func validRepository(name string) bool {
	if host, rest, ok := strings.Cut(name, "/"); ok {
		if strings.ContainsAny(host, ".:") || host == "localhost" || strings.ToLower(host) != host {
			name = rest
		}
	}
	return name != "" && strings.ToLower(name) == name && !strings.ContainsAny(name, " \t\n")
}
