package pki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestEnsureCreatesFilesAndReloads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pki")
	first := mustEnsure(t, Config{Dir: dir})

	assertMode(t, dir, 0o700|os.ModeDir)
	for name, want := range map[string]os.FileMode{
		CACertFile: 0o644, CAKeyFile: 0o600,
		ServingCertFile: 0o644, ServingKeyFile: 0o600,
		AdminCertFile: 0o644, AdminKeyFile: 0o600,
	} {
		assertMode(t, filepath.Join(dir, name), want)
	}

	second := mustEnsure(t, Config{Dir: dir, Clock: clockAt(testNow.Add(time.Hour))})
	if fingerprint(t, first.CACertPEM) != fingerprint(t, second.CACertPEM) {
		t.Error("second Ensure created a new CA")
	}
	if servingFingerprint(first) != servingFingerprint(second) {
		t.Error("second Ensure reissued the serving cert")
	}
	if string(first.AdminCertPEM) != string(second.AdminCertPEM) {
		t.Error("second Ensure reissued the admin cert")
	}
}

func TestEnsureCertificateProfiles(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	ca := mustParseCert(t, b.CACertPEM)
	admin := mustParseCert(t, b.AdminCertPEM)
	tests := []struct {
		name     string
		cert     *x509.Certificate
		isCA     bool
		lifetime time.Duration
		usage    []x509.ExtKeyUsage
	}{
		{"ca", ca, true, caLifetime, nil},
		{"serving", b.Serving.Leaf, false, leafLifetime, []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}},
		{"admin", admin, false, leafLifetime, []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cert.IsCA != tt.isCA {
				t.Errorf("IsCA = %v", tt.cert.IsCA)
			}
			if got := tt.cert.NotAfter.Sub(testNow); got != tt.lifetime {
				t.Errorf("lifetime = %v, want %v", got, tt.lifetime)
			}
			if !slices.Equal(tt.cert.ExtKeyUsage, tt.usage) {
				t.Errorf("ExtKeyUsage = %v, want %v", tt.cert.ExtKeyUsage, tt.usage)
			}
			pub, ok := tt.cert.PublicKey.(*ecdsa.PublicKey)
			if !ok || pub.Curve != elliptic.P256() {
				t.Errorf("key is not ECDSA P-256: %T", tt.cert.PublicKey)
			}
		})
	}
	if admin.Subject.CommonName != AdminUser || !slices.Equal(admin.Subject.Organization, []string{AdminGroup}) {
		t.Errorf("admin subject = %v", admin.Subject)
	}
	for _, h := range DefaultHosts {
		if err := b.Serving.Leaf.VerifyHostname(h); err != nil {
			t.Errorf("serving cert does not cover default host %s: %v", h, err)
		}
	}
}

func TestEnsureServingSANs(t *testing.T) {
	tests := []struct {
		name    string
		hosts   []string
		reissue bool
	}{
		{"same hosts", nil, false},
		{"subset", []string{"127.0.0.1"}, false},
		{"case and brackets", []string{"LOCALHOST", "[::1]"}, false},
		{"new dns name", []string{"127.0.0.1", "kubus.example.com"}, true},
		{"new ip", []string{"10.0.0.7"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := mustEnsure(t, Config{Dir: dir})
			after := mustEnsure(t, Config{Dir: dir, Hosts: tt.hosts})
			if fingerprint(t, before.CACertPEM) != fingerprint(t, after.CACertPEM) {
				t.Error("CA changed")
			}
			if string(before.AdminCertPEM) != string(after.AdminCertPEM) {
				t.Error("admin cert changed")
			}
			if got := servingFingerprint(before) != servingFingerprint(after); got != tt.reissue {
				t.Errorf("reissued = %v, want %v", got, tt.reissue)
			}
			for _, h := range tt.hosts {
				if err := after.Serving.Leaf.VerifyHostname(trimBrackets(h)); err != nil {
					t.Errorf("host %s not covered: %v", h, err)
				}
			}
		})
	}
}

func TestEnsureRenewal(t *testing.T) {
	tests := []struct {
		name        string
		later       time.Duration
		newCA       bool
		reissueLeaf bool
	}{
		{"next day", 24 * time.Hour, false, false},
		{"near leaf expiry", leafLifetime - renewBefore + time.Hour, false, true},
		{"after leaf expiry", leafLifetime + time.Hour, false, true},
		{"after ca expiry", caLifetime + time.Hour, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := mustEnsure(t, Config{Dir: dir})
			after := mustEnsure(t, Config{Dir: dir, Clock: clockAt(testNow.Add(tt.later))})
			if got := fingerprint(t, before.CACertPEM) != fingerprint(t, after.CACertPEM); got != tt.newCA {
				t.Errorf("new CA = %v, want %v", got, tt.newCA)
			}
			if got := servingFingerprint(before) != servingFingerprint(after); got != tt.reissueLeaf {
				t.Errorf("serving reissued = %v, want %v", got, tt.reissueLeaf)
			}
			if got := string(before.AdminCertPEM) != string(after.AdminCertPEM); got != tt.reissueLeaf {
				t.Errorf("admin reissued = %v, want %v", got, tt.reissueLeaf)
			}
		})
	}
}

func trimBrackets(h string) string {
	if len(h) > 1 && h[0] == '[' {
		return h[1 : len(h)-1]
	}
	return h
}

func assertMode(t *testing.T, name string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode() & (os.ModeDir | os.ModePerm); got != want {
		t.Errorf("%s: mode %v, want %v", filepath.Base(name), got, want)
	}
}
