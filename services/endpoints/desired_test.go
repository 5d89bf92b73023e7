package endpoints

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func pod(name, ip string, ready bool, port int32) *corev1.Pod {
	st := corev1.ConditionFalse
	if ready {
		st = corev1.ConditionTrue
	}
	return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "ns", Labels: map[string]string{"app": "web"}},
		Spec:   corev1.PodSpec{NodeName: "n1", Containers: []corev1.Container{{Name: "c", Image: "x", Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: port}}}}},
		Status: corev1.PodStatus{PodIP: ip, Conditions: []corev1.PodCondition{{Type: corev1.PodReady, Status: st}}}}
}

func svc(target intstr.IntOrString) *corev1.Service {
	return &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "ns"},
		Spec: corev1.ServiceSpec{Selector: map[string]string{"app": "web"},
			Ports: []corev1.ServicePort{{Name: "http", Port: 80, TargetPort: target, Protocol: corev1.ProtocolTCP}}}}
}

func TestBuildEndpoints(t *testing.T) {
	terminating := pod("d", "10.0.0.4", true, 8080)
	terminating.DeletionTimestamp = &metav1.Time{Time: time.Unix(1, 0)}
	other := pod("e", "10.0.0.5", true, 8080)
	other.Labels = map[string]string{"app": "db"}
	pods := []*corev1.Pod{pod("b", "10.0.0.2", false, 8080), pod("a", "10.0.0.1", true, 8080), pod("c", "", true, 8080), terminating, other, pod("f", "10.0.0.6", true, 9090)}
	tests := []struct {
		name          string
		svc           *corev1.Service
		ready, unrdy  []string
		subsets       int
		firstPortWant int32
	}{
		{"named target port resolves per pod", svc(intstr.FromString("http")), []string{"10.0.0.1", "10.0.0.6"}, []string{"10.0.0.2"}, 2, 8080},
		{"numeric target port", svc(intstr.FromInt32(8080)), []string{"10.0.0.1", "10.0.0.6"}, []string{"10.0.0.2"}, 1, 8080},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := buildEndpoints(tt.svc, addresses(tt.svc, pods))
			if len(ep.Subsets) != tt.subsets {
				t.Fatalf("%d subsets, want %d: %+v", len(ep.Subsets), tt.subsets, ep.Subsets)
			}
			var ready, unready []string
			for _, s := range ep.Subsets {
				for _, a := range s.Addresses {
					ready = append(ready, a.IP)
				}
				for _, a := range s.NotReadyAddresses {
					unready = append(unready, a.IP)
				}
			}
			if !equal(ready, tt.ready) || !equal(unready, tt.unrdy) {
				t.Fatalf("ready %v not ready %v, want %v %v", ready, unready, tt.ready, tt.unrdy)
			}
			if p := ep.Subsets[0].Ports[0].Port; p != tt.firstPortWant {
				t.Fatalf("first subset port %d, want %d", p, tt.firstPortWant)
			}
		})
	}
}

func TestSliceConditions(t *testing.T) {
	s := svc(intstr.FromInt32(8080))
	s.Spec.PublishNotReadyAddresses = true
	term := pod("t", "10.0.0.9", true, 8080)
	term.DeletionTimestamp = &metav1.Time{Time: time.Unix(1, 0)}
	slice := buildSlice(s, addresses(s, []*corev1.Pod{term, pod("u", "10.0.0.8", false, 8080)}))
	if len(slice.Endpoints) != 2 {
		t.Fatalf("%d endpoints", len(slice.Endpoints))
	}
	got := map[string][3]bool{}
	for _, e := range slice.Endpoints {
		got[e.Addresses[0]] = [3]bool{*e.Conditions.Ready, *e.Conditions.Serving, *e.Conditions.Terminating}
	}
	if got["10.0.0.9"] != [3]bool{false, true, true} || got["10.0.0.8"] != [3]bool{true, true, false} {
		t.Fatalf("conditions %v", got)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
