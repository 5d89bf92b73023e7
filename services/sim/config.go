// Package sim plays the kubelets of simulated nodes, as kwok does for
// Kubernetes: it registers nodes, keeps their Leases and status fresh, runs
// the pods bound to them (Running, Ready, an IP) and completes their
// deletion, without containers. Heartbeats can be stopped and resumed per
// node to test what the control plane does with dead nodes.
package sim

import (
	"errors"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// Config configures a sim.
type Config struct {
	NATSURL string
	// MetricsAddr serves /metrics and the probes; empty disables them.
	MetricsAddr string
	// Nodes are named NamePrefix + index, from 0.
	Nodes      int
	NamePrefix string
	// Capacity is merged over DefaultCapacity; allocatable equals it.
	Capacity corev1.ResourceList
	// Labels are added to the well-known node labels.
	Labels map[string]string
	Taints []corev1.Taint
	// PodStartDelay passes between seeing a pod bound and reporting it Running.
	PodStartDelay time.Duration
	// NodeStatusUpdateFrequency is how often each node posts its full status
	// (kubelet's report interval when nothing changes).
	NodeStatusUpdateFrequency time.Duration
	// LeaseInterval is how often each node renews its Lease in
	// kube-node-lease; LeaseDuration is what the Lease claims.
	LeaseInterval, LeaseDuration time.Duration
	// Stopped lists nodes (names or indices) whose heartbeat is off at start.
	Stopped []string
	// MaxInFlight bounds the API writes outstanding at once, across nodes,
	// leases and pods, so thousands of nodes do not flood the apiserver.
	MaxInFlight int
	// Commands are applied like requests on the control subject (the
	// command wires signals to it).
	Commands <-chan Command
	Clock    func() time.Time
}

// MaxNodes is how many nodes the address plan below has room for.
const MaxNodes = 16384

// DefaultCapacity is what a sim node offers unless --capacity says otherwise.
func DefaultCapacity() corev1.ResourceList {
	return corev1.ResourceList{
		corev1.ResourceCPU:    resource.MustParse("8"),
		corev1.ResourceMemory: resource.MustParse("32Gi"),
		corev1.ResourcePods:   resource.MustParse("110"),
	}
}

// setDefaults fills zero fields and rejects what cannot work.
func (c *Config) setDefaults() error {
	if c.Nodes < 0 || c.Nodes > MaxNodes {
		return fmt.Errorf("sim: nodes must be within 0..%d, got %d", MaxNodes, c.Nodes)
	}
	if c.NamePrefix == "" {
		c.NamePrefix = "sim-"
	}
	if err := checkPrefix(c.NamePrefix); err != nil {
		return err
	}
	capacity := DefaultCapacity()
	for k, v := range c.Capacity {
		capacity[k] = v
	}
	c.Capacity = capacity
	c.NodeStatusUpdateFrequency = orDefault(c.NodeStatusUpdateFrequency, time.Minute)
	c.LeaseInterval = orDefault(c.LeaseInterval, 10*time.Second)
	c.LeaseDuration = orDefault(c.LeaseDuration, 40*time.Second)
	if c.PodStartDelay < 0 || c.NodeStatusUpdateFrequency < 0 || c.LeaseInterval < 0 || c.LeaseDuration < 0 {
		return errors.New("sim: durations must not be negative")
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 64
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}
