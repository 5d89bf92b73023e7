package main

import (
	"context"
	"strings"

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
	disable := fs.String("disable", env("disable", ""), "comma-separated components not to run in this process (e.g. scheduler), to run them as their own processes; \"all\" leaves only the apiserver")
	var all []server.Component
	for _, c := range serverComponents {
		all = append(all, c(fs))
	}
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	off := map[string]bool{}
	for _, name := range strings.Split(*disable, ",") {
		off[strings.TrimSpace(name)] = true
	}
	for _, c := range all {
		if !off[c.Name] && !off["all"] {
			cfg.Components = append(cfg.Components, c)
		}
	}
	return server.Run(ctx, cfg)
}
