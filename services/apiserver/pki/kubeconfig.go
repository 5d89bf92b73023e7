package pki

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// Names used in the generated kubeconfig.
const (
	KubeconfigCluster = "kubus"
	KubeconfigContext = "kubus"
	KubeconfigUser    = AdminUser
)

// WriteKubeconfig atomically writes (mode 0600) a kubeconfig for the admin
// user: cluster "kubus" at serverURL with the CA embedded, user "kubus-admin"
// with the client cert and key embedded, and current context "kubus" in
// namespace "default". Missing parent directories are created 0700.
func WriteKubeconfig(path, serverURL string, b *Bundle) error {
	if b == nil || serverURL == "" || path == "" {
		return errors.New("pki: WriteKubeconfig needs a path, a server URL and a bundle")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("pki: %w", err)
	}
	cfg := adminKubeconfig(serverURL, b)
	return replaceFile(path, 0o600, func(tmp string) error {
		return clientcmd.WriteToFile(*cfg, tmp)
	})
}

func adminKubeconfig(serverURL string, b *Bundle) *clientcmdapi.Config {
	cfg := clientcmdapi.NewConfig()
	cluster := clientcmdapi.NewCluster()
	cluster.Server = serverURL
	cluster.CertificateAuthorityData = b.CACertPEM
	cfg.Clusters[KubeconfigCluster] = cluster

	user := clientcmdapi.NewAuthInfo()
	user.ClientCertificateData = b.AdminCertPEM
	user.ClientKeyData = b.AdminKeyPEM
	cfg.AuthInfos[KubeconfigUser] = user

	ctx := clientcmdapi.NewContext()
	ctx.Cluster = KubeconfigCluster
	ctx.AuthInfo = KubeconfigUser
	ctx.Namespace = "default"
	cfg.Contexts[KubeconfigContext] = ctx
	cfg.CurrentContext = KubeconfigContext
	return cfg
}
