package embedded_test

import (
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/bus/embedded"
)

func TestStartRandomPortAndRestart(t *testing.T) {
	dir := t.TempDir()
	s, err := embedded.Start(t.Context(), embedded.Config{Addr: "127.0.0.1:0", DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	addr := s.Addr()
	if strings.HasSuffix(addr, ":0") || !strings.HasPrefix(s.ClientURL(), "nats://127.0.0.1:") {
		t.Fatalf("addr %s url %s: want a real port", addr, s.ClientURL())
	}
	s.Shutdown()
	s, err = embedded.Start(t.Context(), embedded.Config{Addr: addr, DataDir: dir})
	if err != nil {
		t.Fatalf("restart on %s: %v", addr, err)
	}
	defer s.Shutdown()
	if s.Addr() != addr {
		t.Fatalf("restarted on %s, want %s", s.Addr(), addr)
	}
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]embedded.Config{
		"no data dir": {Addr: "127.0.0.1:0"},
		"bad addr":    {Addr: "nohostport", DataDir: t.TempDir()},
		"bad port":    {Addr: "127.0.0.1:x", DataDir: t.TempDir()},
	} {
		if _, err := embedded.Start(t.Context(), cfg); err == nil {
			t.Errorf("%s: Start succeeded", name)
		}
	}
}
