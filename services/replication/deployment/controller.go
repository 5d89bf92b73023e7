// Package deployment is the Deployment controller: for each Deployment it
// keeps one ReplicaSet per pod template (named by the pod-template-hash),
// rolls pods from the old template to the new one with the RollingUpdate
// or Recreate strategy, keeps revisionHistoryLimit old ReplicaSets for
// kubectl rollout history and undo, and reports progress in the status
// and conditions kubectl rollout status reads, as kube-controller-manager
// does. Pods themselves are the replicaset package's business.
package deployment

import (
	"context"
	"errors"
	"time"

	appsv1 "k8s.io/api/apps/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/replication/events"
)

var (
	deploymentKind = appsv1.SchemeGroupVersion.WithKind("Deployment")
	replicaSetKind = appsv1.SchemeGroupVersion.WithKind("ReplicaSet")
	deployments, _ = resources.Lookup("apps", "v1", "deployments")
	replicaSets, _ = resources.Lookup("apps", "v1", "replicasets")
)

// Config configures the Controller.
type Config struct {
	Client *client.Client
	// Deployments, ReplicaSets and Pods mirror all objects of each; the
	// caller runs them and routes their changes to the On* handlers.
	Deployments, ReplicaSets, Pods *client.Informer
	// Events is the recorder of the "deployment-controller".
	Events  *events.Recorder
	Workers int
	Metrics *controller.Metrics
	Clock   func() time.Time
}

// Controller rolls out Deployments.
type Controller struct {
	cfg  Config
	ctrl *controller.Controller
}

// New validates cfg and returns a Controller ready to Run.
func New(cfg Config) (*Controller, error) {
	if cfg.Client == nil || cfg.Deployments == nil || cfg.ReplicaSets == nil || cfg.Pods == nil || cfg.Events == nil {
		return nil, errors.New("deployment: Client, informers and Events are required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 5
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	c := &Controller{cfg: cfg}
	ctrl, err := controller.New(controller.Config{Name: "deployment", Reconciler: c, Workers: cfg.Workers, Metrics: cfg.Metrics})
	if err != nil {
		return nil, err
	}
	c.ctrl = ctrl
	return c, nil
}

// Run reconciles until ctx ends.
func (c *Controller) Run(ctx context.Context) error { return c.ctrl.Run(ctx) }

// Reconcile drives one Deployment a step further, as the upstream
// controller's syncDeployment does; writes that conflict with a newer
// state are retried from a fresh read.
func (c *Controller) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := c.cfg.Deployments.Get(req.Namespace, req.Name)
	if !ok {
		return controller.Result{}, nil
	}
	p := &pass{c: c, d: obj.(*appsv1.Deployment).DeepCopy(), now: c.cfg.Clock()}
	if err := p.sync(ctx); err != nil {
		return retry(err)
	}
	return controller.Result{RequeueAfter: p.requeue}, nil
}
