package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/apiserver"
)

func apiserverFlags(fs *flagSet, cfg *apiserver.Config) {
	fs.StringVar(&cfg.DataDir, "data-dir", env("data-dir", "./kubus-data"), "directory for certificates and the admin kubeconfig")
	fs.StringVar(&cfg.Kubeconfig, "kubeconfig", env("kubeconfig", ""), "where to write the admin kubeconfig (default <data-dir>/kubeconfig)")
	fs.StringVar(&cfg.Addr, "api-addr", env("api-addr", "127.0.0.1:6443"), "HTTPS listen address of the Kubernetes API")
	fs.IntVar(&cfg.History, "history", envInt("history", 16), "revisions kept per key in the bucket (1..64); watches resume within them")
	fs.IntVar(&cfg.Replicas, "replicas", envInt("replicas", 1), "replicas of the bucket on a clustered NATS (1, 3 or 5)")
	fs.StringVar(&cfg.ServiceCIDR, "service-cluster-ip-range", env("service-cluster-ip-range", "10.96.0.0/12"), "range of Service cluster IPs")
	fs.StringVar(&cfg.NodePorts, "service-node-port-range", env("service-node-port-range", "30000-32767"), "range of Service node ports")
	fs.IntVar(&cfg.WatchCacheSize, "watch-cache-size", envInt("watch-cache-size", 10000), "recent changes kept in memory for watches to resume from")
	fs.StringVar(&cfg.StorageMediaType, "storage-media-type", env("storage-media-type", "application/vnd.kubernetes.protobuf"), "how objects are written to the bucket: application/vnd.kubernetes.protobuf (as upstream keeps etcd) or application/json (readable with the nats CLI); both are read")
}

func runAPIServer(ctx context.Context, args []string) error {
	var cfg apiserver.Config
	fs := newFlags("apiserver", "Serves the Kubernetes API over HTTPS (for kubectl and client-go) and over NATS\nrequest-reply (for kubus services). It is the only writer of the KV bucket; run\nseveral against one NATS for availability.")
	apiserverFlags(fs, &cfg)
	fs.StringVar(&cfg.NATSURL, "nats", env("nats", "nats://127.0.0.1:4222"), "NATS URL of the bus")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	return apiserver.Run(ctx, cfg)
}
