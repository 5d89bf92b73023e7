package endpoints

import (
	"context"
	"testing"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestEndpointsFollowPods runs the controller against a real apiserver:
// endpoints list a pod once it has an IP, move it between ready and not
// ready with its condition, and go away with the service.
func TestEndpointsFollowPods(t *testing.T) {
	c := apiservertest.Start(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, Config{NATSURL: c.Bus.URL}) }()
	t.Cleanup(func() { cancel(); <-done })

	s := svc(intstr.FromString("http"))
	s.Namespace = "default"
	if _, err := c.Client.Create(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	p := pod("a", "", false, 8080)
	p.Namespace = "default"
	created, err := c.Client.Create(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	setStatus(t, c, created.(*corev1.Pod), "10.1.0.5", corev1.ConditionFalse)
	waitEndpoints(t, c, func(ep *corev1.Endpoints) bool {
		return len(ep.Subsets) == 1 && len(ep.Subsets[0].NotReadyAddresses) == 1 && ep.Subsets[0].Ports[0].Port == 8080
	})
	cur, _ := c.Client.Get(t.Context(), podsRes, "default", "a")
	setStatus(t, c, cur.(*corev1.Pod), "10.1.0.5", corev1.ConditionTrue)
	waitEndpoints(t, c, func(ep *corev1.Endpoints) bool {
		return len(ep.Subsets) == 1 && len(ep.Subsets[0].Addresses) == 1 && ep.Subsets[0].Addresses[0].IP == "10.1.0.5"
	})
	sl, err := c.Client.Get(t.Context(), slicesRes, "default", SliceName(mustSvc(t, c)))
	if err != nil || len(sl.(*discoveryv1.EndpointSlice).Endpoints) != 1 {
		t.Fatalf("slice: %v %v", sl, err)
	}
	if err := c.Client.Delete(t.Context(), servicesRes, "default", "web", nil); err != nil {
		t.Fatal(err)
	}
	apiservertest.Eventually(t, "endpoints removed with the service", func() bool {
		_, err := c.Client.Get(t.Context(), endpointsRes, "default", "web")
		return apierrors.IsNotFound(err)
	})
}

func mustSvc(t *testing.T, c *apiservertest.Cluster) *corev1.Service {
	t.Helper()
	obj, err := c.Client.Get(t.Context(), servicesRes, "default", "web")
	if err != nil {
		t.Fatal(err)
	}
	return obj.(*corev1.Service)
}

func setStatus(t *testing.T, c *apiservertest.Cluster, p *corev1.Pod, ip string, ready corev1.ConditionStatus) {
	t.Helper()
	p = p.DeepCopy()
	p.Status.PodIP = ip
	p.Status.Phase = corev1.PodRunning
	p.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: ready, LastTransitionTime: metav1.Now()}}
	if _, err := c.Client.UpdateStatus(t.Context(), p); err != nil {
		t.Fatal(err)
	}
}

func waitEndpoints(t *testing.T, c *apiservertest.Cluster, ok func(*corev1.Endpoints) bool) {
	t.Helper()
	apiservertest.Eventually(t, "endpoints", func() bool {
		obj, err := c.Client.Get(t.Context(), endpointsRes, "default", "web")
		return err == nil && ok(obj.(*corev1.Endpoints))
	})
}
