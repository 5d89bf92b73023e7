package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/server"
	"github.com/kubus-dev/kubus/services/serviceaccounts"
)

func init() {
	register("serviceaccount-controller", "gives every namespace its default ServiceAccount", runServiceAccounts)
	serverComponents = append(serverComponents, func(*flagSet) server.Component {
		return server.Component{Name: "serviceaccount-controller", Run: func(ctx context.Context, nats string) error {
			return serviceaccounts.Run(ctx, serviceaccounts.Config{NATSURL: nats, LeaderElect: true})
		}}
	})
}

func runServiceAccounts(ctx context.Context, args []string) error {
	fs := newFlags("serviceaccount-controller", "Makes sure every active namespace has the ServiceAccount `default`, re-creating\nit when deleted. Tokens for accounts come from the apiserver (kubectl create token).")
	sf := addServiceFlags(fs, "127.0.0.1:10260")
	lf := addLeaderFlags(fs)
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	return serviceaccounts.Run(ctx, serviceaccounts.Config{NATSURL: sf.NATS, MetricsAddr: sf.MetricsAddr, LeaderElect: lf.Elect, LeaseDuration: lf.LeaseDuration})
}
