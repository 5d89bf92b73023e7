package serviceaccounts

import (
	"context"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestDefaultAccountInEveryNamespace runs the service against a real
// apiserver: existing and new namespaces get `default`, and a deleted one
// comes back.
func TestDefaultAccountInEveryNamespace(t *testing.T) {
	c := apiservertest.Start(t)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, Config{NATSURL: c.Bus.URL}) }()
	t.Cleanup(func() { cancel(); <-done })
	waitAccount(t, c, "kube-system")
	if _, err := c.Client.Create(t.Context(), &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "team-a"}}); err != nil {
		t.Fatal(err)
	}
	waitAccount(t, c, "team-a")
	if err := c.Client.Delete(t.Context(), serviceAccounts, "team-a", DefaultName, nil); err != nil {
		t.Fatal(err)
	}
	waitAccount(t, c, "team-a")
}

func waitAccount(t *testing.T, c *apiservertest.Cluster, ns string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := c.Client.Get(t.Context(), serviceAccounts, ns, DefaultName); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no default ServiceAccount in %s", ns)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
