package pki

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"slices"
	"testing"
)

func TestTLSHandshakeIdentity(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	other := mustEnsure(t, Config{Dir: t.TempDir()})
	srv := startServer(t, b)

	admin := mustKeyPair(t, b.AdminCertPEM, b.AdminKeyPEM)
	foreign := mustKeyPair(t, other.AdminCertPEM, other.AdminKeyPEM)
	svcCert, svcKey, err := b.IssueClient("kubus-controller", []string{"system:controllers", "kubus"})
	if err != nil {
		t.Fatal(err)
	}
	svc := mustKeyPair(t, svcCert, svcKey)

	tests := []struct {
		name    string
		cert    *tls.Certificate
		want    string
		wantErr bool
	}{
		{"admin cert", &admin, "kubus-admin/system:masters", false},
		// DER encodes the O values as a SET, so they come back sorted.
		{"issued service cert", &svc, "kubus-controller/kubus,system:controllers", false},
		{"no cert", nil, "anonymous", false},
		{"cert from another CA", &foreign, "", true},
		{"serving cert used as client cert", &b.Serving, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := clientFor(t, b, tt.cert).Get(srv.URL + "/whoami")
			if tt.wantErr {
				if err == nil {
					resp.Body.Close()
					t.Fatal("handshake succeeded, want rejection")
				}
				return
			}
			if err != nil {
				t.Fatalf("GET: %v", err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if string(body) != tt.want {
				t.Errorf("identity = %q, want %q", body, tt.want)
			}
			if resp.ProtoMajor != 2 {
				t.Errorf("protocol = %s, want HTTP/2", resp.Proto)
			}
		})
	}
}

func TestTLSConfig(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	cfg := b.TLSConfig()
	if cfg.MinVersion != tls.VersionTLS12 || cfg.ClientAuth != tls.VerifyClientCertIfGiven {
		t.Errorf("MinVersion=%x ClientAuth=%v", cfg.MinVersion, cfg.ClientAuth)
	}
	if !slices.Equal(cfg.NextProtos, []string{"h2", "http/1.1"}) {
		t.Errorf("NextProtos = %v", cfg.NextProtos)
	}
	if cfg.ClientCAs != b.CAPool || len(cfg.Certificates) != 1 {
		t.Error("TLSConfig does not carry the CA pool and serving cert")
	}
	cfg.NextProtos[0] = "mutated"
	if b.TLSConfig().NextProtos[0] != "h2" {
		t.Error("TLSConfig returns shared state")
	}
}

func TestUser(t *testing.T) {
	cert := func(cn string, orgs ...string) *x509.Certificate {
		return &x509.Certificate{Subject: pkix.Name{CommonName: cn, Organization: orgs}}
	}
	chain := func(c *x509.Certificate) *tls.ConnectionState {
		return &tls.ConnectionState{VerifiedChains: [][]*x509.Certificate{{c}}}
	}
	tests := []struct {
		name   string
		state  *tls.ConnectionState
		user   string
		groups []string
		ok     bool
	}{
		{"nil state", nil, "", nil, false},
		{"no verified chain", &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert("x")}}, "", nil, false},
		{"empty CN", chain(cert("", "g")), "", nil, false},
		{"user without groups", chain(cert("alice")), "alice", nil, true},
		{"user with groups", chain(cert("bob", "a", "b")), "bob", []string{"a", "b"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, groups, ok := User(tt.state)
			if user != tt.user || !slices.Equal(groups, tt.groups) || ok != tt.ok {
				t.Errorf("User = (%q, %v, %v), want (%q, %v, %v)", user, groups, ok, tt.user, tt.groups, tt.ok)
			}
		})
	}
}

func TestIssueClient(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	tests := []struct {
		name    string
		bundle  *Bundle
		user    string
		wantErr bool
	}{
		{"ok", b, "kubus-scheduler", false},
		{"empty name", b, "", true},
		{"bundle without CA key", &Bundle{}, "x", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			certPEM, _, err := tt.bundle.IssueClient(tt.user, []string{"g"})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			opts := x509.VerifyOptions{Roots: b.CAPool, CurrentTime: testNow,
				KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
			c := mustParseCert(t, certPEM)
			if _, err := c.Verify(opts); err != nil {
				t.Errorf("verify: %v", err)
			}
			if c.Subject.CommonName != tt.user {
				t.Errorf("CN = %q", c.Subject.CommonName)
			}
		})
	}
}
