package e2e

import (
	"bufio"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestKubectlGetWatch checks that `kubectl get -w` prints each change once,
// after the current state, and that -A spans namespaces.
func TestKubectlGetWatch(t *testing.T) {
	s := cluster.StartServer(t)
	k := cluster.NewKubectl(t, s.Kubeconfig())
	k.OK("create", "namespace", "other")
	k.OK("run", "before", "--image=x", "-n", "other")

	cmd := k.Cmd("get", "pods", "-A", "-w", "--output-watch-events")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	want := []string{"ADDED", "other", "before"}
	expectLine(t, lines, want...)
	k.OK("run", "w1", "--image=x")
	expectLine(t, lines, "ADDED", "default", "w1")
	k.OK("label", "pod", "w1", "a=b")
	expectLine(t, lines, "MODIFIED", "w1")
	k.OK("delete", "pod", "w1")
	expectLine(t, lines, "DELETED", "w1")
}

// expectLine reads lines until one holds every part, failing at a deadline
// or on a line for another change of the same object out of order.
func expectLine(t *testing.T, lines <-chan string, parts ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("watch ended before a line with %v", parts)
			}
			if containsAll(l, parts) {
				return
			}
		case <-ctx.Done():
			t.Fatalf("no line with %v", parts)
		}
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
