package e2e

import (
	"fmt"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestKillNineKeepsAcknowledgedWrites kills the server with SIGKILL while
// a client writes, restarts it, and checks every acknowledged write.
func TestKillNineKeepsAcknowledgedWrites(t *testing.T) {
	s := cluster.StartServer(t)
	cs := clientset(t, s.Kubeconfig())
	ctx := t.Context()
	acked := make(chan string, 10000)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			name := fmt.Sprintf("cm-%d", i)
			if err := createErr(ctx, cs, name); err != nil {
				return // the server is gone
			}
			acked <- name
		}
	}()
	waitFor(t, "some writes", func() bool { return len(acked) >= 50 })
	s.Kill()
	<-done
	close(acked)
	s.Restart(t)
	cs = clientset(t, s.Kubeconfig())
	list, err := cs.CoreV1().ConfigMaps("default").List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, cm := range list.Items {
		have[cm.Name] = true
	}
	n := 0
	for name := range acked {
		n++
		if !have[name] {
			t.Errorf("acknowledged %s is gone after kill -9", name)
		}
	}
	t.Logf("%d acknowledged writes, all present after restart", n)
}
