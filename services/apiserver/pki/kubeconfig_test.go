package pki

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

func TestWriteKubeconfigRoundTrip(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	srv := startServer(t, b)
	path := filepath.Join(t.TempDir(), "kube", "config")

	writeFile(t, mustMkdir(t, filepath.Dir(path), path), []byte("stale"))
	if err := WriteKubeconfig(path, srv.URL, b); err != nil {
		t.Fatal(err)
	}
	assertMode(t, path, 0o600)
	assertOnlyFile(t, filepath.Dir(path), "config")

	cfg, err := clientcmd.LoadFromFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := cfg.Contexts[cfg.CurrentContext]
	if cfg.CurrentContext != "kubus" || ctx == nil || ctx.Cluster != "kubus" ||
		ctx.AuthInfo != "kubus-admin" || ctx.Namespace != "default" {
		t.Fatalf("unexpected context %q: %+v", cfg.CurrentContext, ctx)
	}
	if got := cfg.Clusters["kubus"].Server; got != srv.URL {
		t.Errorf("server = %q, want %q", got, srv.URL)
	}

	if got := getWithKubeconfig(t, path, srv.URL+"/whoami"); got != "kubus-admin/system:masters" {
		t.Errorf("identity = %q", got)
	}
}

func TestWriteKubeconfigErrors(t *testing.T) {
	b := mustEnsure(t, Config{Dir: t.TempDir()})
	path := filepath.Join(t.TempDir(), "config")
	tests := []struct {
		name, path, url string
		bundle          *Bundle
	}{
		{"nil bundle", path, "https://127.0.0.1:6443", nil},
		{"empty url", path, "", b},
		{"empty path", "", "https://127.0.0.1:6443", b},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := WriteKubeconfig(tt.path, tt.url, tt.bundle); err == nil {
				t.Error("want error")
			}
		})
	}
}

// getWithKubeconfig builds a client-go rest.Config from the kubeconfig file and GETs url.
func getWithKubeconfig(t *testing.T, kubeconfig, url string) string {
	t.Helper()
	restCfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	client, err := rest.HTTPClientFor(restCfg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET via rest.Config: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

func mustMkdir(t *testing.T, dir, ret string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return ret
}

func assertOnlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		t.Errorf("dir holds %v, want only %s", entries, name)
	}
}
