package main

import (
	"context"
	"errors"
	"flag"

	"github.com/kubus-dev/kubus/services/server"
)

// serverComponents are the services `kubus server` runs beside the
// apiserver; each command file adds its own from init.
var serverComponents []func(*flagSet) server.Component

func runServer(ctx context.Context, args []string) error {
	var cfg server.Config
	fs := newFlags("server", "Runs the whole kubus control plane in one process with NATS JetStream embedded\n(file storage under --data-dir): the apiserver, scheduler and controllers. On first\nstart it creates a CA, certificates and <data-dir>/kubeconfig for kubectl.")
	apiserverFlags(fs, &cfg.APIServer)
	fs.StringVar(&cfg.NATSAddr, "nats-addr", env("nats-addr", "127.0.0.1:4222"), "listen address of the embedded NATS")
	fs.StringVar(&cfg.NATSURL, "nats", env("nats", ""), "use this external NATS URL and embed none")
	for _, c := range serverComponents {
		cfg.Components = append(cfg.Components, c(fs))
	}
	ctx, err := fs.parse(ctx, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	return server.Run(ctx, cfg)
}
