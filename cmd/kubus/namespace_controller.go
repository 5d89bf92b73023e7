package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/namespace"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("namespace-controller", "empties deleted namespaces, then lets the apiserver delete them", runNamespaceController)
	serverComponents = append(serverComponents, func(fs *flagSet) server.Component {
		return server.Component{Name: "namespace-controller", Run: func(ctx context.Context, nats string) error {
			return namespace.Run(ctx, namespace.Config{NATSURL: nats, LeaderElect: true})
		}}
	})
}

func runNamespaceController(ctx context.Context, args []string) error {
	fs := newFlags("namespace-controller", "Empties deleted namespaces: while a namespace is Terminating it deletes every\nobject in it (pods shut down gracefully, finalizers run), then removes the\n\"kubernetes\" finalizer through the finalize subresource and the apiserver\ndeletes the namespace.")
	sf := addServiceFlags(fs, "127.0.0.1:10258")
	lf := addLeaderFlags(fs)
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	return namespace.Run(ctx, namespace.Config{NATSURL: sf.NATS, MetricsAddr: sf.MetricsAddr, LeaderElect: lf.Elect, LeaseDuration: lf.LeaseDuration})
}
