package replicaset

import (
	"context"
	"errors"
	"time"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/services/replication/events"
	"github.com/kubus-dev/kubus/services/replication/expectations"
)

// Config configures a Controller for one Kind.
type Config struct {
	Kind   Kind
	Client *client.Client
	// Pods and Workloads mirror all pods and all objects of Kind; the
	// caller runs them and routes their changes to OnPod and OnWorkload.
	Pods, Workloads *client.Informer
	Events          *events.Recorder
	// BurstReplicas caps the pods created or deleted in one reconcile
	// (default 500, kube-controller-manager's).
	BurstReplicas int
	Workers       int
	Metrics       *controller.Metrics
	Clock         func() time.Time
}

// Controller keeps the pods of every object of one Kind.
type Controller struct {
	cfg  Config
	ctrl *controller.Controller
	exp  *expectations.Expectations
}

// New validates cfg and returns a Controller ready to Run.
func New(cfg Config) (*Controller, error) {
	if cfg.Kind.view == nil || cfg.Client == nil || cfg.Pods == nil || cfg.Workloads == nil || cfg.Events == nil {
		return nil, errors.New("replicaset: Kind, Client, Pods, Workloads and Events are required")
	}
	if cfg.BurstReplicas <= 0 {
		cfg.BurstReplicas = 500
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 5
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	c := &Controller{cfg: cfg, exp: expectations.New(cfg.Clock)}
	ctrl, err := controller.New(controller.Config{Name: cfg.Kind.Resource.Singular, Reconciler: c, Workers: cfg.Workers, Metrics: cfg.Metrics})
	if err != nil {
		return nil, err
	}
	c.ctrl = ctrl
	return c, nil
}

// Run reconciles until ctx ends.
func (c *Controller) Run(ctx context.Context) error { return c.ctrl.Run(ctx) }

// event records an Event about w.
func (c *Controller) event(w *Workload, eventType, reason, format string, args ...any) {
	c.cfg.Events.Eventf(events.Ref(c.cfg.Kind.GVK, w.Meta), eventType, reason, format, args...)
}
