// Package nodecontroller watches node heartbeats (Leases in kube-node-lease
// and the kubelet's Ready condition), marks silent nodes Unknown and taints
// them, evicts pods whose tolerations of those taints ran out, force-deletes
// pods a dead node will never finish, and gives every node a pod CIDR: the
// node lifecycle, taint eviction, pod GC and node IPAM controllers of
// kube-controller-manager.
package nodecontroller

import (
	"errors"
	"time"

	"github.com/kubus-dev/kubus/resources"
)

// Config configures the node controller. Zero values take Kubernetes'
// defaults.
type Config struct {
	NATSURL, MetricsAddr string
	LeaderElect          bool
	LeaseDuration        time.Duration

	// MonitorPeriod is how often each node's health is checked (5s).
	MonitorPeriod time.Duration
	// GracePeriod is how long a node may stay silent before it is marked
	// Unknown and tainted unreachable (50s).
	GracePeriod time.Duration
	// NotReadyTolerationSeconds and UnreachableTolerationSeconds replace the
	// tolerations the apiserver's admission adds by default (Exists,
	// NoExecute, 300s), so a lab cluster can evict sooner without an
	// apiserver flag; pods that chose their own toleration keep it (300).
	NotReadyTolerationSeconds, UnreachableTolerationSeconds int64
	// ClusterCIDR is the range node pod CIDRs come from (10.244.0.0/16);
	// "none" turns node IPAM off.
	ClusterCIDR string
	// NodeCIDRMaskSize is the prefix length of each node's pod CIDR (24).
	NodeCIDRMaskSize int
	Clock            func() time.Time
}

// Defaults as kube-controller-manager has them.
const (
	DefaultMonitorPeriod     = 5 * time.Second
	DefaultGracePeriod       = 50 * time.Second
	DefaultTolerationSeconds = 300
	DefaultClusterCIDR       = "10.244.0.0/16"
	DefaultNodeCIDRMaskSize  = 24
)

func (c *Config) validate() error {
	if c.MonitorPeriod <= 0 {
		c.MonitorPeriod = DefaultMonitorPeriod
	}
	if c.GracePeriod <= 0 {
		c.GracePeriod = DefaultGracePeriod
	}
	if c.NotReadyTolerationSeconds <= 0 {
		c.NotReadyTolerationSeconds = DefaultTolerationSeconds
	}
	if c.UnreachableTolerationSeconds <= 0 {
		c.UnreachableTolerationSeconds = DefaultTolerationSeconds
	}
	if c.ClusterCIDR == "" {
		c.ClusterCIDR = DefaultClusterCIDR
	}
	if c.NodeCIDRMaskSize == 0 {
		c.NodeCIDRMaskSize = DefaultNodeCIDRMaskSize
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if c.MonitorPeriod >= c.GracePeriod {
		return errors.New("--node-monitor-period must be shorter than --node-monitor-grace-period")
	}
	if c.ClusterCIDR == "none" {
		return nil
	}
	_, err := newAllocator(c.ClusterCIDR, c.NodeCIDRMaskSize)
	return err
}

var (
	nodes, _  = resources.Lookup("", "v1", "nodes")
	pods, _   = resources.Lookup("", "v1", "pods")
	leases, _ = resources.Lookup("coordination.k8s.io", "v1", "leases")
)

// LeaseNamespace holds one Lease per node, named like the node.
const LeaseNamespace = "kube-node-lease"
