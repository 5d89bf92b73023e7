package rest_test

import (
	"fmt"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestServiceTypeChangeAllocates: turning a ClusterIP Service into a
// NodePort one takes a node port from the range (nobody else can have it);
// turning it back clears and frees the port.
func TestServiceTypeChangeAllocates(t *testing.T) {
	c := apiservertest.Start(t)
	ctx := t.Context()
	services, _ := resources.Lookup("", "v1", "services")
	svc := func(name string, typ corev1.ServiceType, nodePort int32) *corev1.Service {
		return &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"}, Spec: corev1.ServiceSpec{
			Type: typ, Selector: map[string]string{"app": name},
			Ports: []corev1.ServicePort{{Port: 80, TargetPort: intstr.FromInt32(8080), Protocol: corev1.ProtocolTCP, NodePort: nodePort}}}}
	}
	if _, err := c.Client.Create(ctx, svc("web", corev1.ServiceTypeClusterIP, 0)); err != nil {
		t.Fatal(err)
	}
	setType := func(typ corev1.ServiceType) *corev1.Service {
		t.Helper()
		out, err := c.Client.Patch(ctx, services, "default", "web", "", types.MergePatchType, fmt.Appendf(nil, `{"spec":{"type":%q}}`, typ))
		if err != nil {
			t.Fatalf("type %s: %v", typ, err)
		}
		return out.(*corev1.Service)
	}
	port := setType(corev1.ServiceTypeNodePort).Spec.Ports[0].NodePort
	if port < 30000 || port > 32767 {
		t.Fatalf("NodePort Service got node port %d, want one from 30000-32767", port)
	}
	if _, err := c.Client.Create(ctx, svc("other", corev1.ServiceTypeNodePort, port)); !apierrors.IsInvalid(err) {
		t.Fatalf("second Service asking for node port %d: %v, want Invalid (already allocated)", port, err)
	}
	if got := setType(corev1.ServiceTypeClusterIP).Spec.Ports[0].NodePort; got != 0 {
		t.Fatalf("back to ClusterIP, node port %d, want none", got)
	}
	if _, err := c.Client.Create(ctx, svc("other", corev1.ServiceTypeNodePort, port)); err != nil {
		t.Fatalf("node port %d not freed when its Service went back to ClusterIP: %v", port, err)
	}
}
