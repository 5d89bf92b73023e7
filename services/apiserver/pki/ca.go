package pki

import (
	"crypto"
	"fmt"
	"time"
)

// ensureCA loads the CA from dir, or creates it when the certificate is
// missing or expired. A present, valid CA certificate whose key is missing or
// does not match is an error: silently replacing it would break every client.
func ensureCA(dir string, now time.Time) (*authority, []byte, error) {
	certPEM, err := readOptional(inDir(dir, CACertFile))
	if err != nil {
		return nil, nil, err
	}
	if certPEM == nil {
		return createCA(dir, now)
	}
	cert, err := parseCertPEM(certPEM)
	if err != nil {
		return nil, nil, fmt.Errorf("pki: %s: %w", inDir(dir, CACertFile), err)
	}
	if !cert.IsCA {
		return nil, nil, fmt.Errorf("pki: %s is not a CA certificate", inDir(dir, CACertFile))
	}
	if now.After(cert.NotAfter) {
		return createCA(dir, now)
	}
	key, err := loadCAKey(dir, cert.PublicKey)
	if err != nil {
		return nil, nil, err
	}
	return &authority{cert: cert, key: key}, certPEM, nil
}

func loadCAKey(dir string, pub crypto.PublicKey) (crypto.Signer, error) {
	name := inDir(dir, CAKeyFile)
	fail := func(why string) error {
		return fmt.Errorf("pki: %s: %s; remove %s and %s to create a new CA", name, why, CACertFile, CAKeyFile)
	}
	data, err := readOptional(name)
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, fail("missing")
	}
	key, err := parseKeyPEM(data)
	if err != nil {
		return nil, fail(err.Error())
	}
	if !publicKeysEqual(key.Public(), pub) {
		return nil, fail("does not match " + CACertFile)
	}
	return key, nil
}

// createCA writes the key before the certificate, so a crash in between
// leaves no certificate and the next start simply creates the CA again.
func createCA(dir string, now time.Time) (*authority, []byte, error) {
	ca, certPEM, keyPEM, err := newAuthority(now)
	if err != nil {
		return nil, nil, err
	}
	if err := writeFileAtomic(inDir(dir, CAKeyFile), keyPEM, 0o600); err != nil {
		return nil, nil, err
	}
	if err := writeFileAtomic(inDir(dir, CACertFile), certPEM, 0o644); err != nil {
		return nil, nil, err
	}
	return ca, certPEM, nil
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}
