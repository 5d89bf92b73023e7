package cluster

import (
	"path/filepath"
	"testing"
)

// APIServer is a `kubus apiserver` process against an existing bus.
type APIServer struct {
	*Process
	Addr, kubeconfig string
}

// Kubeconfig is the admin kubeconfig this apiserver wrote.
func (a *APIServer) Kubeconfig() string { return a.kubeconfig }

// StartAPIServer runs another apiserver sharing s's bus and certificates.
func StartAPIServer(t testing.TB, s *Server) *APIServer {
	t.Helper()
	a := &APIServer{Addr: FreeAddr(t), kubeconfig: filepath.Join(t.TempDir(), "kubeconfig")}
	a.Process = Start(t, "apiserver", "--nats", s.NATSURL(), "--data-dir", s.DataDir, "--kubeconfig", a.kubeconfig, "--api-addr", a.Addr)
	WaitReady(t, a.Addr, a.Process)
	return a
}
