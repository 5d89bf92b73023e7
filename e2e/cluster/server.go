package cluster

import (
	"path/filepath"
	"testing"
)

// Server is a running `kubus server`.
type Server struct {
	*Process
	DataDir, APIAddr, NATSAddr string
}

// Kubeconfig is the admin kubeconfig the server wrote.
func (s *Server) Kubeconfig() string { return filepath.Join(s.DataDir, "kubeconfig") }

// NATSURL is the embedded NATS's client URL.
func (s *Server) NATSURL() string { return "nats://" + s.NATSAddr }

// StartServer runs `kubus server` with NATS embedded and waits until ready.
func StartServer(t testing.TB, extra ...string) *Server {
	t.Helper()
	s := &Server{DataDir: t.TempDir(), APIAddr: FreeAddr(t), NATSAddr: FreeAddr(t)}
	args := append([]string{"server", "--data-dir", s.DataDir, "--api-addr", s.APIAddr, "--nats-addr", s.NATSAddr}, extra...)
	s.Process = Start(t, args...)
	WaitReady(t, s.APIAddr, s.Process)
	return s
}

// Restart starts the server again on the same ports and data.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.Process.Restart()
	WaitReady(t, s.APIAddr, s.Process)
}
