package pki

import (
	"fmt"
	"net"
	"slices"
	"strings"
)

// splitHosts normalises hosts into DNS names and IPs, dropping blanks and
// duplicates. Brackets around IPv6 literals are accepted.
func splitHosts(hosts []string) (dns []string, ips []net.IP, err error) {
	for _, h := range hosts {
		h = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h), "["), "]")
		if h == "" {
			continue
		}
		if ip := net.ParseIP(h); ip != nil {
			if !slices.ContainsFunc(ips, ip.Equal) {
				ips = append(ips, normIP(ip))
			}
			continue
		}
		if !validDNSName(h) {
			return nil, nil, fmt.Errorf("pki: invalid host %q", h)
		}
		if h = strings.ToLower(h); !slices.Contains(dns, h) {
			dns = append(dns, h)
		}
	}
	return dns, ips, nil
}

func normIP(ip net.IP) net.IP {
	if v4 := ip.To4(); v4 != nil {
		return v4
	}
	return ip
}

// validDNSName accepts letters, digits, '-', '.', '_' and a leading "*." wildcard.
func validDNSName(h string) bool {
	h = strings.TrimPrefix(h, "*.")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, r := range h {
		ok := r == '-' || r == '.' || r == '_' ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}
