package apiserver

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/services/apiserver/rest"
	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// systemNamespaces exist from the first start, as in every Kubernetes.
var systemNamespaces = []string{"default", "kube-system", "kube-public", "kube-node-lease"}

// bootstrap creates what a fresh cluster has. Each create tolerates
// AlreadyExists, so several apiservers may start at once.
func bootstrap(ctx context.Context, _ *storage.Store, api *rest.Handler, cfg Config) error {
	for _, ns := range systemNamespaces {
		obj := &corev1.Namespace{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"}, ObjectMeta: metav1.ObjectMeta{Name: ns}}
		if err := ensure(ctx, api, "/api/v1/namespaces", obj); err != nil {
			return err
		}
	}
	return ensure(ctx, api, "/api/v1/namespaces/default/services", kubernetesService(cfg))
}

// kubernetesService is default/kubernetes, at the first IP of the range.
func kubernetesService(cfg Config) *corev1.Service {
	_, port, _ := net.SplitHostPort(cfg.Addr)
	p, _ := strconv.Atoi(port)
	svc := &corev1.Service{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: metav1.ObjectMeta{Name: "kubernetes", Namespace: "default", Labels: map[string]string{"component": "apiserver", "provider": "kubernetes"}},
		Spec: corev1.ServiceSpec{ClusterIP: firstIP(cfg.ServiceCIDR),
			Ports: []corev1.ServicePort{{Name: "https", Port: 443, TargetPort: intstr.FromInt32(int32(p))}}}}
	return svc
}

func firstIP(cidr string) string {
	if cidr == "" {
		cidr = "10.96.0.0/12"
	}
	_, n, err := net.ParseCIDR(cidr)
	if err != nil {
		return ""
	}
	ip := n.IP.To4()
	return net.IPv4(ip[0], ip[1], ip[2], ip[3]+1).String()
}

func ensure(ctx context.Context, api http.Handler, path string, obj any) error {
	body, _ := json.Marshal(obj)
	rec := call(ctx, api, &kubusv1.APIRequest{Method: http.MethodPost, Path: path, ContentType: "application/json", Body: body})
	if rec.code == http.StatusCreated || rec.code == http.StatusConflict {
		return nil
	}
	return fmt.Errorf("create %s: %d %s", path, rec.code, rec.body.String())
}
