package serviceaccount

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestIssueVerify(t *testing.T) {
	key, err := LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time { return now }
	tokens := NewTokens(key, clock)
	sa := &corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Name: "default", Namespace: "demo", UID: "u-1"}}
	tok, exp, err := tokens.Issue(sa, []string{Issuer}, time.Hour)
	if err != nil || !exp.Equal(now.Add(time.Hour)) {
		t.Fatalf("issue: %v %v", exp, err)
	}
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	forged, _, _ := NewTokens(other, clock).Issue(sa, []string{Issuer}, time.Hour)
	parts := strings.Split(tok, ".")
	tampered := parts[0] + "." + b64.EncodeToString([]byte(`{"iss":"`+Issuer+`","exp":9999999999}`)) + "." + parts[2]
	tests := []struct {
		name    string
		token   string
		at      time.Time
		wantErr bool
	}{
		{"valid", tok, now, false},
		{"expired", tok, now.Add(2 * time.Hour), true},
		{"other key", forged, now, true},
		{"tampered claims", tampered, now, true},
		{"garbage", "a.b", now, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.at
			id, err := NewTokens(key, func() time.Time { return at }).Verify(tt.token)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Verify err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && (id != Identity{Namespace: "demo", Name: "default", UID: "u-1"}) {
				t.Fatalf("identity %+v", id)
			}
		})
	}
}

func TestKeyPersists(t *testing.T) {
	dir := t.TempDir()
	a, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadOrCreateKey(dir)
	if err != nil || !a.Equal(b) {
		t.Fatalf("second load gave another key: %v", err)
	}
}
