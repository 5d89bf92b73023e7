package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/endpoints"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("endpoints-controller", "keeps Endpoints and EndpointSlices of Services with selectors", runEndpoints)
	serverComponents = append(serverComponents, func(*flagSet) server.Component {
		return server.Component{Name: "endpoints-controller", Run: func(ctx context.Context, nats string) error {
			return endpoints.Run(ctx, endpoints.Config{NATSURL: nats, LeaderElect: true, Workers: 5})
		}}
	})
}

func runEndpoints(ctx context.Context, args []string) error {
	var cfg endpoints.Config
	fs := newFlags("endpoints-controller", "Keeps the Endpoints and EndpointSlice of every Service with a selector listing\nthe addresses of its pods, ready and not ready, with named ports resolved per pod.\nServices without a selector are left to the user.")
	sf := addServiceFlags(fs, "127.0.0.1:10261")
	lf := addLeaderFlags(fs)
	fs.IntVar(&cfg.Workers, "concurrent-endpoint-syncs", envInt("concurrent-endpoint-syncs", 5), "services reconciled in parallel")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr, cfg.LeaderElect, cfg.LeaseDuration = sf.NATS, sf.MetricsAddr, lf.Elect, lf.LeaseDuration
	return endpoints.Run(ctx, cfg)
}
