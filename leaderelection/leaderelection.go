// Package leaderelection lets one of several copies of a service lead, by
// holding a coordination.k8s.io/v1 Lease written through the apiserver.
// Compare-and-set on the Lease's resourceVersion means two candidates can
// never both take it.
package leaderelection

import (
	"context"
	"errors"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

// LeaseClient is what an elector needs of the API.
type LeaseClient interface {
	Get(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error)
	Create(ctx context.Context, obj runtime.Object) (runtime.Object, error)
	Update(ctx context.Context, obj runtime.Object) (runtime.Object, error)
}

// Config configures an election.
type Config struct {
	Client LeaseClient
	// Namespace and Name of the Lease (default kube-system).
	Namespace, Name string
	// Identity of this candidate; unique per process.
	Identity string
	// LeaseDuration is how long a lease holds without renewal (default 15s).
	LeaseDuration time.Duration
	// RenewDeadline is how long the leader keeps trying to renew before it
	// gives up leading (default 10s).
	RenewDeadline time.Duration
	// RetryPeriod is the pause between attempts (default 2s).
	RetryPeriod time.Duration
	Clock       func() time.Time
}

func (c *Config) validate() error {
	if c.Client == nil || c.Name == "" || c.Identity == "" {
		return errors.New("leaderelection: Client, Name and Identity are required")
	}
	if c.Namespace == "" {
		c.Namespace = "kube-system"
	}
	if c.LeaseDuration <= 0 {
		c.LeaseDuration = 15 * time.Second
	}
	if c.RenewDeadline <= 0 || c.RenewDeadline >= c.LeaseDuration {
		c.RenewDeadline = c.LeaseDuration * 2 / 3
	}
	if c.RetryPeriod <= 0 || c.RetryPeriod >= c.RenewDeadline {
		c.RetryPeriod = c.RenewDeadline / 5
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}

var leases, _ = resources.Lookup("coordination.k8s.io", "v1", "leases")

// Run campaigns until ctx ends. Each time this candidate becomes leader it
// calls lead with a context that is cancelled when leadership is lost;
// lead must return then. Run returns nil when ctx ends.
func Run(ctx context.Context, cfg Config, lead func(ctx context.Context)) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	e := &elector{cfg: cfg}
	for ctx.Err() == nil {
		if !e.acquire(ctx) {
			return nil
		}
		e.leadUntilLost(ctx, lead)
	}
	return nil
}

// asLease narrows a stored object.
func asLease(obj runtime.Object) *coordinationv1.Lease {
	l, _ := obj.(*coordinationv1.Lease)
	return l
}
