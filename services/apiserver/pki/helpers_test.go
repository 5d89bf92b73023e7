package pki

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// testNow is "now" at second precision (certificates store whole seconds), so
// real TLS handshakes in tests accept certificates issued at testNow.
var testNow = time.Now().UTC().Truncate(time.Second)

func clockAt(t time.Time) func() time.Time { return func() time.Time { return t } }

func mustEnsure(t *testing.T, cfg Config) *Bundle {
	t.Helper()
	if cfg.Clock == nil {
		cfg.Clock = clockAt(testNow)
	}
	b, err := Ensure(cfg)
	if err != nil {
		t.Fatalf("Ensure: %v", err)
	}
	return b
}

func mustParseCert(t *testing.T, certPEM []byte) *x509.Certificate {
	t.Helper()
	c, err := parseCertPEM(certPEM)
	if err != nil {
		t.Fatalf("parse cert: %v", err)
	}
	return c
}

func fingerprint(t *testing.T, certPEM []byte) string {
	t.Helper()
	sum := sha256.Sum256(mustParseCert(t, certPEM).Raw)
	return hex.EncodeToString(sum[:])
}

func servingFingerprint(b *Bundle) string {
	sum := sha256.Sum256(b.Serving.Certificate[0])
	return hex.EncodeToString(sum[:])
}

func mustKeyPair(t *testing.T, certPEM, keyPEM []byte) tls.Certificate {
	t.Helper()
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		t.Fatalf("key pair: %v", err)
	}
	return pair
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// whoami answers "name/group1,group2" for a verified client, else "anonymous".
func whoami(w http.ResponseWriter, r *http.Request) {
	name, groups, ok := User(r.TLS)
	if !ok {
		fmt.Fprint(w, "anonymous")
		return
	}
	fmt.Fprintf(w, "%s/%s", name, strings.Join(groups, ","))
}

func startServer(t *testing.T, b *Bundle) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(whoami))
	srv.TLS = b.TLSConfig()
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // rejected handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// clientFor trusts b's CA and presents cert (if non-nil).
func clientFor(t *testing.T, b *Bundle, cert *tls.Certificate) *http.Client {
	t.Helper()
	cfg := &tls.Config{RootCAs: b.CAPool, MinVersion: tls.VersionTLS12}
	if cert != nil {
		cfg.Certificates = []tls.Certificate{*cert}
	}
	tr := &http.Transport{TLSClientConfig: cfg, ForceAttemptHTTP2: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}
