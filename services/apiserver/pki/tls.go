package pki

import (
	"crypto/tls"
	"slices"
)

// TLSConfig returns a fresh server config: TLS 1.2+, the serving cert, client
// certs verified against the CA when presented, and ALPN h2 + http/1.1.
func (b *Bundle) TLSConfig() *tls.Config {
	return &tls.Config{
		MinVersion:   tls.VersionTLS12,
		Certificates: []tls.Certificate{b.Serving},
		ClientAuth:   tls.VerifyClientCertIfGiven,
		ClientCAs:    b.CAPool,
		NextProtos:   []string{"h2", "http/1.1"},
	}
}

// User returns the identity of a verified client certificate: name is the
// subject CN, groups the subject O values (as encoded; DER sorts several O
// values in one RDN). ok is false when the connection
// has no verified chain (no client cert) or the cert has no CN.
func User(state *tls.ConnectionState) (name string, groups []string, ok bool) {
	if state == nil || len(state.VerifiedChains) == 0 || len(state.VerifiedChains[0]) == 0 {
		return "", nil, false
	}
	subject := state.VerifiedChains[0][0].Subject
	if subject.CommonName == "" {
		return "", nil, false
	}
	return subject.CommonName, slices.Clone(subject.Organization), true
}
