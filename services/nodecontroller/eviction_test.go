package nodecontroller

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestEvictionTime(t *testing.T) {
	added := time.Unix(1000, 0)
	now := added.Add(10 * time.Second)
	ta := metav1.NewTime(added)
	unreachable := corev1.Taint{Key: corev1.TaintNodeUnreachable, Effect: corev1.TaintEffectNoExecute, TimeAdded: &ta}
	noSchedule := corev1.Taint{Key: corev1.TaintNodeUnreachable, Effect: corev1.TaintEffectNoSchedule}
	untimed := corev1.Taint{Key: "example.com/drain", Effect: corev1.TaintEffectNoExecute}
	tol := func(key string, secs *int64) corev1.Toleration {
		return corev1.Toleration{Key: key, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute, TolerationSeconds: secs}
	}
	defaulted := tol(corev1.TaintNodeUnreachable, new(int64(DefaultTolerationSeconds)))
	cases := []struct {
		name   string
		taints []corev1.Taint
		tols   []corev1.Toleration
		want   time.Time
		evict  bool
	}{
		{"no taints", nil, []corev1.Toleration{defaulted}, time.Time{}, false},
		{"NoSchedule only", []corev1.Taint{noSchedule}, nil, time.Time{}, false},
		{"not tolerated", []corev1.Taint{unreachable}, nil, added, true},
		{"tolerated for 1s", []corev1.Taint{unreachable}, []corev1.Toleration{tol(corev1.TaintNodeUnreachable, new(int64(1)))}, added.Add(time.Second), true},
		{"tolerated forever", []corev1.Taint{unreachable}, []corev1.Toleration{tol(corev1.TaintNodeUnreachable, nil)}, time.Time{}, false},
		{"shortest of two", []corev1.Taint{unreachable}, []corev1.Toleration{tol("", new(int64(60))), tol(corev1.TaintNodeUnreachable, new(int64(5)))}, added.Add(5 * time.Second), true},
		{"admission default replaced by flag", []corev1.Taint{unreachable}, []corev1.Toleration{defaulted}, added.Add(20 * time.Second), true},
		{"own 301s kept", []corev1.Taint{unreachable}, []corev1.Toleration{tol(corev1.TaintNodeUnreachable, new(int64(301)))}, added.Add(301 * time.Second), true},
		{"negative means now", []corev1.Taint{unreachable}, []corev1.Toleration{tol(corev1.TaintNodeUnreachable, new(int64(-5)))}, added, true},
		{"no timeAdded counts from now", []corev1.Taint{untimed}, []corev1.Toleration{tol("example.com/drain", new(int64(3)))}, now.Add(3 * time.Second), true},
		{"earliest taint wins", []corev1.Taint{untimed, unreachable}, []corev1.Toleration{tol("", new(int64(3)))}, added.Add(3 * time.Second), true},
	}
	d := tolerationDefaults{corev1.TaintNodeUnreachable: 20, corev1.TaintNodeNotReady: 20}
	for _, c := range cases {
		pod := &corev1.Pod{Spec: corev1.PodSpec{Tolerations: c.tols}}
		got, evict := evictionTime(pod, c.taints, d, now)
		if evict != c.evict || !got.Equal(c.want) {
			t.Errorf("%s: evict at %v (%v), want %v (%v)", c.name, got, evict, c.want, c.evict)
		}
	}
}
