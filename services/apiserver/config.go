// Package apiserver runs the Kubernetes API endpoint of kubus: HTTPS for
// kubectl and client-go, NATS request-reply for the other services, both
// over the same handlers. It is the one writer of the bucket.
package apiserver

import (
	"errors"
	"net"
	"path/filepath"
	"time"

	"github.com/kubus-dev/kubus/resources"
)

// Config configures the apiserver.
type Config struct {
	// DataDir holds certificates and the admin kubeconfig.
	DataDir string
	// Kubeconfig is where the admin kubeconfig is written (default
	// <DataDir>/kubeconfig); apiservers sharing DataDir set their own.
	Kubeconfig string
	// Addr is the HTTPS listen address.
	Addr string
	// NATSURL is the bus to use.
	NATSURL string
	// Bucket is the KV bucket holding all objects.
	Bucket string
	// History is how many revisions per key the bucket keeps (1..64).
	History int
	// Replicas of the bucket on a clustered NATS.
	Replicas int
	// ServiceCIDR is the range of service cluster IPs.
	ServiceCIDR string
	// NodePorts is the node port range.
	NodePorts string
	// WatchCacheSize is how many recent changes watches can resume from.
	WatchCacheSize int
	// StorageMediaType is how objects are written to the bucket
	// (application/vnd.kubernetes.protobuf by default, as upstream, or
	// application/json for a bucket readable with the nats CLI).
	StorageMediaType string
	// Hosts are extra names and IPs for the serving certificate.
	Hosts []string
	// Clock is injected for tests.
	Clock func() time.Time
	// Ready, if set, receives the listener address once serving.
	Ready chan<- string
}

// validate checks cfg and fills defaults.
func (c *Config) validate() error {
	if c.DataDir == "" {
		return errors.New("apiserver: --data-dir is required")
	}
	if c.NATSURL == "" {
		return errors.New("apiserver: --nats is required")
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:6443"
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return errors.New("apiserver: --api-addr must be host:port")
	}
	if c.Bucket == "" {
		c.Bucket = "kubus"
	}
	if c.History == 0 {
		c.History = 16
	}
	if c.History < 1 || c.History > 64 {
		return errors.New("apiserver: --history must be 1..64")
	}
	if c.StorageMediaType == "" {
		c.StorageMediaType = resources.StoredProtobuf
	}
	if err := resources.CheckStoredMediaType(c.StorageMediaType); err != nil {
		return errors.New("apiserver: --storage-media-type: " + err.Error())
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}

// KubeconfigPath is where the admin kubeconfig is written.
func (c Config) KubeconfigPath() string {
	if c.Kubeconfig != "" {
		return c.Kubeconfig
	}
	return filepath.Join(c.DataDir, "kubeconfig")
}

// hosts are the serving certificate's names: loopback plus the listen host.
func (c Config) hosts() []string {
	h := []string{"127.0.0.1", "localhost", "::1"}
	if host, _, err := net.SplitHostPort(c.Addr); err == nil && host != "" && host != "0.0.0.0" && host != "::" {
		h = append(h, host)
	}
	return append(h, c.Hosts...)
}
