package pods

import (
	"math"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// readyLatestFirst: of two ready pods, the one ready for less time goes
// first, compared on a logarithmic scale (LogarithmicScaleDown) so that
// pods of similar age are deleted at random (by UID) rather than always
// the very newest.
func readyLatestFirst(s Ranked, i, j int) (bool, bool) {
	a, b := readyTime(s.Pods[i]), readyTime(s.Pods[j])
	if a == nil || b == nil || a.Equal(b) {
		return false, false
	}
	return s.newer(i, j, *a, *b), true
}

func byRestarts(s Ranked, i, j int) (bool, bool) {
	ai, as := maxRestarts(s.Pods[i])
	bi, bs := maxRestarts(s.Pods[j])
	if ai != bi {
		return ai > bi, true
	}
	return as > bs, as != bs
}

func newestFirst(s Ranked, i, j int) (bool, bool) {
	a, b := s.Pods[i].CreationTimestamp, s.Pods[j].CreationTimestamp
	if a.Equal(&b) {
		return false, false
	}
	return s.newer(i, j, a, b), true
}

// newer orders two distinct times: zero first, then the more recent one,
// with times in the same power-of-two age bucket tied by UID.
func (s Ranked) newer(i, j int, a, b metav1.Time) bool {
	if s.Now.IsZero() || a.IsZero() || b.IsZero() {
		return afterOrZero(a, b)
	}
	d := bucket(s.Now.Sub(a.Time)) - bucket(s.Now.Sub(b.Time))
	if d == 0 {
		return s.Pods[i].UID < s.Pods[j].UID
	}
	return d < 0
}

func bucket(age time.Duration) int64 {
	if age <= 0 {
		return -1
	}
	return int64(math.Log2(float64(age)))
}

func afterOrZero(a, b metav1.Time) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero()
	}
	return a.After(b.Time)
}

// maxRestarts is the highest restart count of the regular containers and
// of the restartable init (sidecar) containers.
func maxRestarts(p *corev1.Pod) (regular, sidecar int32) {
	for _, c := range p.Status.ContainerStatuses {
		regular = max(regular, c.RestartCount)
	}
	sidecars := map[string]bool{}
	for _, c := range p.Spec.InitContainers {
		sidecars[c.Name] = c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
	}
	for _, c := range p.Status.InitContainerStatuses {
		if sidecars[c.Name] {
			sidecar = max(sidecar, c.RestartCount)
		}
	}
	return regular, sidecar
}
