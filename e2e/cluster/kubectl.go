package cluster

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Kubectl runs the real kubectl against a kubeconfig, with its own HOME so
// no discovery cache leaks between tests.
type Kubectl struct {
	t          testing.TB
	kubeconfig string
	home       string
}

// NewKubectl returns a runner for kubeconfig.
func NewKubectl(t testing.TB, kubeconfig string) *Kubectl {
	t.Helper()
	if _, err := exec.LookPath("kubectl"); err != nil {
		t.Fatal("kubectl is required: it is the client these tests drive")
	}
	return &Kubectl{t: t, kubeconfig: kubeconfig, home: t.TempDir()}
}

// Run runs kubectl with args and stdin, returning stdout, stderr and error.
func (k *Kubectl) Run(stdin string, args ...string) (string, string, error) {
	cmd := exec.Command("kubectl", args...)
	cmd.Env = append(os.Environ(), "KUBECONFIG="+k.kubeconfig, "HOME="+k.home)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return out.String(), errb.String(), err
}

// OK runs kubectl and fails the test if it fails.
func (k *Kubectl) OK(args ...string) string {
	k.t.Helper()
	out, errOut, err := k.Run("", args...)
	if err != nil {
		k.t.Fatalf("kubectl %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// Apply pipes a manifest to kubectl with args (e.g. "apply", "-f", "-").
func (k *Kubectl) Apply(manifest string, args ...string) string {
	k.t.Helper()
	out, errOut, err := k.Run(manifest, args...)
	if err != nil {
		k.t.Fatalf("kubectl %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// Fails runs kubectl expecting failure and returns its stderr.
func (k *Kubectl) Fails(stdin string, args ...string) string {
	k.t.Helper()
	out, errOut, err := k.Run(stdin, args...)
	if err == nil {
		k.t.Fatalf("kubectl %s succeeded, want failure\nstdout: %s", strings.Join(args, " "), out)
	}
	return errOut
}

// Cmd returns an unstarted kubectl command, for streaming ones like get -w.
func (k *Kubectl) Cmd(args ...string) *exec.Cmd {
	cmd := exec.Command("kubectl", args...)
	cmd.Env = append(os.Environ(), "KUBECONFIG="+k.kubeconfig, "HOME="+k.home)
	return cmd
}
