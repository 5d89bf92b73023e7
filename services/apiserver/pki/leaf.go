package pki

import (
	"crypto/tls"
	"crypto/x509"
	"slices"
	"strings"
	"time"
)

// leaf is a loaded or freshly issued leaf certificate with its PEM forms.
type leaf struct {
	tls             tls.Certificate
	certPEM, keyPEM []byte
}

// ensureLeaf returns the stored leaf for spec if it is still usable, or
// issues and stores a new one. Key is written before cert; a crash in between
// leaves a mismatched pair, which the next start detects and reissues.
func ensureLeaf(dir string, ca *authority, spec certSpec, now time.Time) (leaf, error) {
	l, found, err := loadLeaf(dir, spec)
	if err != nil {
		return leaf{}, err
	}
	if found && usable(l.tls.Leaf, ca, spec, now) {
		return l, nil
	}
	certPEM, keyPEM, err := ca.issue(spec, now)
	if err != nil {
		return leaf{}, err
	}
	if err := writeFileAtomic(inDir(dir, spec.keyFile), keyPEM, 0o600); err != nil {
		return leaf{}, err
	}
	if err := writeFileAtomic(inDir(dir, spec.certFile), certPEM, 0o644); err != nil {
		return leaf{}, err
	}
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	return leaf{tls: pair, certPEM: certPEM, keyPEM: keyPEM}, err
}

// loadLeaf reads the pair; found is false if a file is missing or the pair
// does not parse or match (both mean: reissue).
func loadLeaf(dir string, spec certSpec) (l leaf, found bool, err error) {
	if l.certPEM, err = readOptional(inDir(dir, spec.certFile)); err != nil || l.certPEM == nil {
		return l, false, err
	}
	if l.keyPEM, err = readOptional(inDir(dir, spec.keyFile)); err != nil || l.keyPEM == nil {
		return l, false, err
	}
	pair, perr := tls.X509KeyPair(l.certPEM, l.keyPEM)
	if perr != nil || pair.Leaf == nil {
		return l, false, nil
	}
	l.tls = pair
	return l, true, nil
}

// usable reports whether cert chains to ca for spec's usage, is not near
// expiry, and still carries spec's subject and SANs.
func usable(cert *x509.Certificate, ca *authority, spec certSpec, now time.Time) bool {
	opts := x509.VerifyOptions{
		Roots:       ca.pool(),
		CurrentTime: now,
		KeyUsages:   []x509.ExtKeyUsage{spec.usage},
	}
	if _, err := cert.Verify(opts); err != nil {
		return false
	}
	if cert.NotAfter.Sub(now) < renewBefore && cert.NotAfter.Before(ca.cert.NotAfter) {
		return false
	}
	return cert.Subject.CommonName == spec.cn &&
		sameSet(cert.Subject.Organization, spec.orgs) &&
		coversSANs(cert, spec)
}

func coversSANs(cert *x509.Certificate, spec certSpec) bool {
	for _, ip := range spec.ips {
		if !slices.ContainsFunc(cert.IPAddresses, ip.Equal) {
			return false
		}
	}
	for _, name := range spec.dns {
		eq := func(n string) bool { return strings.EqualFold(n, name) }
		if !slices.ContainsFunc(cert.DNSNames, eq) {
			return false
		}
	}
	return true
}

// sameSet compares string lists ignoring order (DER sorts SET OF values).
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
