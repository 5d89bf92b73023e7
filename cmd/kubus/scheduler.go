package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/scheduler"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("scheduler", "places pending pods on nodes and binds them", runScheduler)
	serverComponents = append(serverComponents, func(fs *flagSet) server.Component {
		var cfg scheduler.Config
		fs.IntVar(&cfg.PercentageOfNodesToScore, "percentage-of-nodes-to-score", envInt("percentage-of-nodes-to-score", 0), "scheduler: share of nodes to find feasible before deciding (0: adaptive, as kube-scheduler)")
		return server.Component{Name: "scheduler", Run: func(ctx context.Context, nats string) error {
			cfg.NATSURL, cfg.LeaderElect = nats, true
			return scheduler.Run(ctx, cfg)
		}}
	})
}

func runScheduler(ctx context.Context, args []string) error {
	var cfg scheduler.Config
	fs := newFlags("scheduler", "Watches pending pods (no spec.nodeName, schedulerName default-scheduler) and binds each\nto a node that fits: ready and schedulable, with room for its requests, matching its\nnodeSelector and required node affinity, with its taints tolerated and host ports\nfree; among those the best by least-allocated, balance, spreading, preferred affinity\nand PreferNoSchedule taints. Pods that fit nowhere get PodScheduled=False with the\nreason, and are tried again when the cluster changes. Leader-elected.")
	sf := addServiceFlags(fs, "127.0.0.1:10251")
	lf := addLeaderFlags(fs)
	fs.IntVar(&cfg.BindWorkers, "bind-workers", envInt("bind-workers", 32), "bindings in flight at once")
	fs.IntVar(&cfg.PercentageOfNodesToScore, "percentage-of-nodes-to-score", envInt("percentage-of-nodes-to-score", 0), "share of nodes to find feasible before deciding (0: adaptive, as kube-scheduler)")
	fs.DurationVar(&cfg.RetryUnschedulable, "pod-max-in-unschedulable-pods-duration", envDuration("pod-max-in-unschedulable-pods-duration", 0), "longest an unschedulable pod waits before another try when nothing changed (default 1m)")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr, cfg.LeaderElect, cfg.LeaseDuration = sf.NATS, sf.MetricsAddr, lf.Elect, lf.LeaseDuration
	return scheduler.Run(ctx, cfg)
}
