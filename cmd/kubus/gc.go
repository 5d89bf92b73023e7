package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/gc"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("gc", "garbage collector: deletes dependents of deleted owners, Foreground and Orphan", runGC)
	serverComponents = append(serverComponents, func(fs *flagSet) server.Component {
		return server.Component{Name: "gc", Run: func(ctx context.Context, nats string) error {
			return gc.Run(ctx, gc.Config{NATSURL: nats, LeaderElect: true})
		}}
	})
}

func runGC(ctx context.Context, args []string) error {
	fs := newFlags("gc", "The garbage collector. Deletes objects whose owners (by ownerReferences) are\ngone, and carries out Foreground deletions (dependents first, then the owner)\nand Orphan deletions (dependents keep running without the reference).")
	sf := addServiceFlags(fs, "127.0.0.1:10259")
	lf := addLeaderFlags(fs)
	cfg := gc.Config{}
	fs.IntVar(&cfg.Workers, "concurrent-gc-syncs", envInt("concurrent-gc-syncs", 20), "objects collected in parallel")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr, cfg.LeaderElect, cfg.LeaseDuration = sf.NATS, sf.MetricsAddr, lf.Elect, lf.LeaseDuration
	return gc.Run(ctx, cfg)
}
