// Package pki owns kubus' certificates: a private CA, the apiserver serving
// certificate and the admin client certificate, all kept as PEM files in one
// directory and created on first start. It also turns a verified TLS client
// certificate into a Kubernetes identity (CN = user, O = groups) and writes
// the admin kubeconfig for kubectl.
package pki

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// File names inside Config.Dir.
const (
	CACertFile      = "ca.crt"
	CAKeyFile       = "ca.key"
	ServingCertFile = "apiserver.crt"
	ServingKeyFile  = "apiserver.key"
	AdminCertFile   = "admin.crt"
	AdminKeyFile    = "admin.key"
)

// Identity baked into the admin client certificate and the serving cert CN.
const (
	AdminUser    = "kubus-admin"
	AdminGroup   = "system:masters"
	servingName  = "kubus-apiserver"
	caName       = "kubus-ca"
	caLifetime   = 10 * 365 * 24 * time.Hour
	leafLifetime = 365 * 24 * time.Hour
	// renewBefore is how close to expiry a leaf may get before Ensure reissues it.
	renewBefore = 30 * 24 * time.Hour
	// backdate tolerates small clock skew between server and clients.
	backdate = 5 * time.Minute
)

// DefaultHosts are the serving certificate SANs used when Config.Hosts is empty.
var DefaultHosts = []string{"127.0.0.1", "::1", "localhost"}

// Config says where the PKI lives and what the serving certificate must cover.
type Config struct {
	Dir   string           // where certs and keys live; created 0700
	Hosts []string         // serving cert SANs (IPs and DNS names); default DefaultHosts
	Clock func() time.Time // default time.Now
}

// Bundle is the loaded PKI. The CA private key is retained (unexported) so
// IssueClient can sign further client certificates.
type Bundle struct {
	CAPool       *x509.CertPool
	CACertPEM    []byte
	Serving      tls.Certificate
	AdminCertPEM []byte
	AdminKeyPEM  []byte

	ca    *authority
	clock func() time.Time
}

// Ensure loads the CA, serving cert and admin client cert from cfg.Dir,
// creating whatever is missing. The serving cert is reissued when its SANs no
// longer cover cfg.Hosts; leaf certs are reissued when near expiry or no
// longer signed by the CA. All files are replaced atomically.
func Ensure(cfg Config) (*Bundle, error) {
	cfg, serving, err := cfg.resolve()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("pki: create dir: %w", err)
	}
	now := cfg.Clock()
	ca, caPEM, err := ensureCA(cfg.Dir, now)
	if err != nil {
		return nil, err
	}
	servingPair, err := ensureLeaf(cfg.Dir, ca, serving, now)
	if err != nil {
		return nil, err
	}
	admin, err := ensureLeaf(cfg.Dir, ca, adminSpec(), now)
	if err != nil {
		return nil, err
	}
	return &Bundle{
		CAPool:       ca.pool(),
		CACertPEM:    caPEM,
		Serving:      servingPair.tls,
		AdminCertPEM: admin.certPEM,
		AdminKeyPEM:  admin.keyPEM,
		ca:           ca,
		clock:        cfg.Clock,
	}, nil
}

// resolve applies defaults and builds the serving cert spec.
func (c Config) resolve() (Config, certSpec, error) {
	if c.Dir == "" {
		return c, certSpec{}, errors.New("pki: Config.Dir is required")
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if len(c.Hosts) == 0 {
		c.Hosts = DefaultHosts
	}
	spec, err := servingSpec(c.Hosts)
	return c, spec, err
}

func adminSpec() certSpec {
	return certSpec{
		certFile: AdminCertFile, keyFile: AdminKeyFile,
		cn: AdminUser, orgs: []string{AdminGroup},
		usage: x509.ExtKeyUsageClientAuth,
	}
}

func servingSpec(hosts []string) (certSpec, error) {
	dns, ips, err := splitHosts(hosts)
	if err != nil {
		return certSpec{}, err
	}
	return certSpec{
		certFile: ServingCertFile, keyFile: ServingKeyFile,
		cn: servingName, usage: x509.ExtKeyUsageServerAuth,
		dns: dns, ips: ips,
	}, nil
}

func inDir(dir, name string) string { return filepath.Join(dir, name) }
