package pki

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnsureRepairsLeaves simulates crashes and damage to leaf files.
func TestEnsureRepairsLeaves(t *testing.T) {
	foreign := t.TempDir()
	mustEnsure(t, Config{Dir: foreign})
	tests := []struct {
		name           string
		damage         func(t *testing.T, dir string)
		servingReissue bool
		adminReissue   bool
	}{
		{"mismatched serving key", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, ServingKeyFile), readFile(t, filepath.Join(dir, AdminKeyFile)))
		}, true, false},
		{"missing admin cert", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, AdminCertFile))
		}, false, true},
		{"garbage serving cert", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, ServingCertFile), []byte("junk"))
		}, true, false},
		{"admin pair from another CA", func(t *testing.T, dir string) {
			for _, f := range []string{AdminCertFile, AdminKeyFile} {
				writeFile(t, filepath.Join(dir, f), readFile(t, filepath.Join(foreign, f)))
			}
		}, false, true},
		{"leftover temp file", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "."+ServingCertFile+".tmp-123"), []byte("-----BEGIN"))
		}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := mustEnsure(t, Config{Dir: dir})
			tt.damage(t, dir)
			after := mustEnsure(t, Config{Dir: dir})
			if fingerprint(t, before.CACertPEM) != fingerprint(t, after.CACertPEM) {
				t.Error("CA changed")
			}
			if got := servingFingerprint(before) != servingFingerprint(after); got != tt.servingReissue {
				t.Errorf("serving reissued = %v, want %v", got, tt.servingReissue)
			}
			if got := string(before.AdminCertPEM) != string(after.AdminCertPEM); got != tt.adminReissue {
				t.Errorf("admin reissued = %v, want %v", got, tt.adminReissue)
			}
		})
	}
}

func TestEnsureErrors(t *testing.T) {
	foreign := t.TempDir()
	mustEnsure(t, Config{Dir: foreign})
	tests := []struct {
		name    string
		hosts   []string
		damage  func(t *testing.T, dir string)
		wantErr string
	}{
		{"invalid host", []string{"kubus:6443"}, nil, "invalid host"},
		{"missing ca key", nil, func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, CAKeyFile))
		}, "missing"},
		{"foreign ca key", nil, func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, CAKeyFile), readFile(t, filepath.Join(foreign, CAKeyFile)))
		}, "does not match"},
		{"garbage ca cert", nil, func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, CACertFile), []byte("junk"))
		}, "CERTIFICATE"},
		{"leaf as ca cert", nil, func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, CACertFile), readFile(t, filepath.Join(dir, AdminCertFile)))
		}, "not a CA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.damage != nil {
				mustEnsure(t, Config{Dir: dir})
				tt.damage(t, dir)
			}
			_, err := Ensure(Config{Dir: dir, Hosts: tt.hosts})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Ensure(Config{}); err == nil {
		t.Error("Ensure without Dir: want error")
	}
}
