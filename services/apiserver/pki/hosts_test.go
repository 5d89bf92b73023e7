package pki

import (
	"fmt"
	"slices"
	"testing"
)

func TestSplitHosts(t *testing.T) {
	tests := []struct {
		name    string
		hosts   []string
		dns     []string
		ips     string
		wantErr bool
	}{
		{"defaults", DefaultHosts, []string{"localhost"}, "[127.0.0.1 ::1]", false},
		{"dedupe and normalise", []string{" Kubus.Local ", "kubus.local", "[::1]", "::1", "", "::ffff:10.0.0.1"},
			[]string{"kubus.local"}, "[::1 10.0.0.1]", false},
		{"wildcard", []string{"*.kubus.local"}, []string{"*.kubus.local"}, "[]", false},
		{"port", []string{"localhost:6443"}, nil, "", true},
		{"url", []string{"https://localhost"}, nil, "", true},
		{"bare wildcard", []string{"*."}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dns, ips, err := splitHosts(tt.hosts)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if !slices.Equal(dns, tt.dns) {
				t.Errorf("dns = %v, want %v", dns, tt.dns)
			}
			if got := fmt.Sprint(ips); got != tt.ips {
				t.Errorf("ips = %s, want %s", got, tt.ips)
			}
		})
	}
}
