// Package replication is the replication-controller service: one
// leader-elected process running the ReplicaSet, ReplicationController and
// Deployment controllers of kube-controller-manager over kubus informers.
package replication

import (
	"errors"
	"os"
	"time"

	"k8s.io/apimachinery/pkg/util/rand"
)

// LeaseName is the Lease the copies of this service compete for.
const LeaseName = "kubus-replication-controller"

// Config configures the service.
type Config struct {
	NATSURL string
	// MetricsAddr serves /metrics and the probes; empty disables it.
	MetricsAddr string
	// Workers is each controller's concurrent reconciles unless set per
	// controller below (default 5, as kube-controller-manager).
	Workers                                                            int
	ReplicaSetWorkers, ReplicationControllerWorkers, DeploymentWorkers int
	// BurstReplicas caps the pods one object creates or deletes per
	// reconcile (default 500).
	BurstReplicas int
	// LeaderElect makes this copy act only while it holds the Lease; the
	// command turns it on by default.
	LeaderElect                               bool
	LeaseDuration, RenewDeadline, RetryPeriod time.Duration
	// Identity in the Lease (default hostname_random).
	Identity string
	Clock    func() time.Time
}

func (c *Config) validate() error {
	if c.NATSURL == "" {
		return errors.New("replication: NATSURL is required")
	}
	if c.Workers <= 0 {
		c.Workers = 5
	}
	for _, w := range []*int{&c.ReplicaSetWorkers, &c.ReplicationControllerWorkers, &c.DeploymentWorkers} {
		if *w <= 0 {
			*w = c.Workers
		}
	}
	if c.BurstReplicas <= 0 {
		c.BurstReplicas = 500
	}
	if c.LeaseDuration <= 0 {
		c.LeaseDuration = 15 * time.Second
	}
	if c.Identity == "" {
		host, _ := os.Hostname()
		c.Identity = host + "_" + rand.String(8)
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}
