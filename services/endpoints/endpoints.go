// Package endpoints keeps the Endpoints and EndpointSlice of every Service
// with a selector listing the selected pods' addresses, ready and not
// ready, as kube-controller-manager's endpoints and endpointslice
// controllers do. Services without a selector are the user's to fill.
package endpoints

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
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
	Workers              int
}

var (
	servicesRes, _  = resources.Lookup("", "v1", "services")
	podsRes, _      = resources.Lookup("", "v1", "pods")
	endpointsRes, _ = resources.Lookup("", "v1", "endpoints")
	slicesRes, _    = resources.Lookup("discovery.k8s.io", "v1", "endpointslices")
)

// Run reconciles until ctx ends.
func Run(ctx context.Context, cfg Config) error {
	return service.Run(ctx, service.Config{Name: "endpoints-controller", NATSURL: cfg.NATSURL, MetricsAddr: cfg.MetricsAddr,
		LeaderElect: cfg.LeaderElect, LeaseDuration: cfg.LeaseDuration}, func(ctx context.Context, env service.Env) error {
		return work(ctx, env, cfg.Workers)
	})
}

func work(ctx context.Context, env service.Env, workers int) error {
	r := &reconciler{client: env.Client}
	ctrl, err := controller.New(controller.Config{Name: "endpoints", Reconciler: r, Workers: workers, Metrics: controller.NewMetrics(env.Metrics)})
	if err != nil {
		return err
	}
	specs := []struct {
		inf     **client.Informer
		res     resources.Resource
		handler func(t watchType, obj, old runtime.Object)
	}{
		{&r.services, servicesRes, ctrl.EnqueueObject},
		{&r.pods, podsRes, ctrl.EnqueueMapped(r.servicesOf)},
		{&r.endpoints, endpointsRes, ctrl.EnqueueObject},
		{&r.slices, slicesRes, ctrl.EnqueueMapped(serviceOfSlice)},
	}
	var infs []*client.Informer
	for _, s := range specs {
		inf, err := client.NewInformer(client.InformerConfig{Cache: env.Cache, Resource: s.res, Handler: s.handler})
		if err != nil {
			return err
		}
		*s.inf = inf
		infs = append(infs, inf)
	}
	if err := client.StartInformers(ctx, infs...); err != nil {
		return nil // ctx ended
	}
	env.SetReady(nil)
	return ctrl.Run(ctx)
}

// servicesOf maps a pod to the services in its namespace selecting it.
func (r *reconciler) servicesOf(obj runtime.Object) []controller.Request {
	pod := obj.(*corev1.Pod)
	var out []controller.Request
	for _, o := range r.services.List(pod.Namespace, nil) {
		svc := o.(*corev1.Service)
		if svc.Spec.Selector != nil && labels.SelectorFromSet(svc.Spec.Selector).Matches(labels.Set(pod.Labels)) {
			out = append(out, controller.Request{Namespace: svc.Namespace, Name: svc.Name})
		}
	}
	return out
}

func serviceOfSlice(obj runtime.Object) []controller.Request {
	m := obj.(interface{ GetLabels() map[string]string })
	name := m.GetLabels()["kubernetes.io/service-name"]
	if name == "" {
		return nil
	}
	return []controller.Request{{Namespace: obj.(interface{ GetNamespace() string }).GetNamespace(), Name: name}}
}
