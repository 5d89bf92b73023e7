// Package serviceaccounts gives every active namespace its `default`
// ServiceAccount, and puts it back if it is deleted, as
// kube-controller-manager's serviceaccount controller does.
package serviceaccounts

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/service"
	"github.com/kubus-dev/kubus/resources"
)

// Config configures the service.
type Config struct {
	NATSURL, MetricsAddr string
	LeaderElect          bool
	LeaseDuration        time.Duration
}

var (
	namespaces, _      = resources.Lookup("", "v1", "namespaces")
	serviceAccounts, _ = resources.Lookup("", "v1", "serviceaccounts")
)

// DefaultName is the account every namespace gets.
const DefaultName = "default"

// Run reconciles until ctx ends.
func Run(ctx context.Context, cfg Config) error {
	return service.Run(ctx, service.Config{Name: "serviceaccount-controller", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration}, work)
}

func work(ctx context.Context, env service.Env) error {
	r := &reconciler{client: env.Client}
	ctrl, err := controller.New(controller.Config{Name: "serviceaccount", Reconciler: r, Metrics: controller.NewMetrics(env.Metrics)})
	if err != nil {
		return err
	}
	if r.ns, err = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: namespaces, Handler: ctrl.EnqueueObject}); err != nil {
		return err
	}
	byNamespace := func(obj runtime.Object) []controller.Request {
		return []controller.Request{{Name: obj.(*corev1.ServiceAccount).Namespace}}
	}
	if r.sa, err = client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: serviceAccounts, Handler: ctrl.EnqueueMapped(byNamespace)}); err != nil {
		return err
	}
	if err := client.StartInformers(ctx, r.ns, r.sa); err != nil {
		return nil // ctx ended
	}
	env.SetReady(nil)
	return ctrl.Run(ctx)
}

type reconciler struct {
	client *client.Client
	ns, sa *client.Informer
}

// Reconcile makes sure namespace req.Name has its default account.
func (r *reconciler) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := r.ns.Get("", req.Name)
	if !ok || obj.(*corev1.Namespace).Status.Phase != corev1.NamespaceActive {
		return controller.Result{}, nil
	}
	if _, ok := r.sa.Get(req.Name, DefaultName); ok {
		return controller.Result{}, nil
	}
	sa := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: DefaultName, Namespace: req.Name}}
	if _, err := r.client.Create(ctx, sa); err != nil && !apierrors.IsAlreadyExists(err) {
		return controller.Result{}, err
	}
	return controller.Result{}, nil
}
