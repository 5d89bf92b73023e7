package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestServiceAccountToken checks a token from `kubectl create token`
// authenticates on its own, and stops working once its account is deleted.
func TestServiceAccountToken(t *testing.T) {
	s := cluster.StartServer(t)
	k := cluster.NewKubectl(t, s.Kubeconfig())
	waitFor(t, "the default ServiceAccount from the serviceaccount-controller", func() bool {
		out, _, err := k.Run("", "get", "serviceaccount", "default", "-o", "name")
		return err == nil && strings.TrimSpace(out) == "serviceaccount/default"
	})
	k.OK("create", "serviceaccount", "robot")
	token := strings.TrimSpace(k.OK("create", "token", "robot"))
	if strings.Count(token, ".") != 2 {
		t.Fatalf("token %q is not a JWT", token)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, []byte("apiVersion: v1\nkind: Config\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	withToken := func(tok string) []string {
		return []string{"--kubeconfig", empty, "--server", "https://" + s.APIAddr,
			"--certificate-authority", filepath.Join(s.DataDir, "pki", "ca.crt"), "--token", tok, "get", "namespaces", "-o", "name"}
	}
	if out := k.OK(withToken(token)...); !strings.Contains(out, "namespace/default") {
		t.Fatalf("with token: %q", out)
	}
	if e := k.Fails("", withToken(token[:len(token)-4]+"AAAA")...); !strings.Contains(e, "Unauthorized") {
		t.Fatalf("tampered token: %s", e)
	}
	k.OK("delete", "serviceaccount", "robot")
	if e := k.Fails("", withToken(token)...); !strings.Contains(e, "Unauthorized") {
		t.Fatalf("token of a deleted account: %s", e)
	}
}
