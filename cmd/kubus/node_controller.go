package main

import (
	"context"

	"github.com/kubus-dev/kubus/services/nodecontroller"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("node-controller", "node heartbeats, not-ready/unreachable taints, eviction, pod CIDRs", runNodeController)
	serverComponents = append(serverComponents, func(fs *flagSet) server.Component {
		var cfg nodecontroller.Config
		fs.DurationVar(&cfg.GracePeriod, "node-monitor-grace-period", envDuration("node-monitor-grace-period", nodecontroller.DefaultGracePeriod), "node-controller: how long a node may be silent before it is marked Unknown and tainted unreachable")
		fs.DurationVar(&cfg.MonitorPeriod, "node-monitor-period", envDuration("node-monitor-period", nodecontroller.DefaultMonitorPeriod), "node-controller: how often each node's health is checked")
		fs.Int64Var(&cfg.NotReadyTolerationSeconds, "default-not-ready-toleration-seconds", int64(envInt("default-not-ready-toleration-seconds", nodecontroller.DefaultTolerationSeconds)), "node-controller: seconds pods with the default not-ready toleration stay on a not-ready node")
		fs.Int64Var(&cfg.UnreachableTolerationSeconds, "default-unreachable-toleration-seconds", int64(envInt("default-unreachable-toleration-seconds", nodecontroller.DefaultTolerationSeconds)), "node-controller: seconds pods with the default unreachable toleration stay on an unreachable node")
		fs.StringVar(&cfg.ClusterCIDR, "cluster-cidr", env("cluster-cidr", nodecontroller.DefaultClusterCIDR), "node-controller: range node pod CIDRs come from (\"none\": no allocation)")
		fs.IntVar(&cfg.NodeCIDRMaskSize, "node-cidr-mask-size", envInt("node-cidr-mask-size", nodecontroller.DefaultNodeCIDRMaskSize), "node-controller: prefix length of each node's pod CIDR")
		return server.Component{Name: "node-controller", Run: func(ctx context.Context, nats string) error {
			cfg.NATSURL, cfg.LeaderElect = nats, true
			return nodecontroller.Run(ctx, cfg)
		}}
	})
}

func runNodeController(ctx context.Context, args []string) error {
	fs := newFlags("node-controller", "Watches node Leases (kube-node-lease) and status. A node silent for\n--node-monitor-grace-period gets Ready=Unknown and the unreachable taints; one\nwhose kubelet reports Ready=False the not-ready taints; both are cleared when it\nis heard from again. Pods are evicted from such nodes when their tolerations run\nout, and force-deleted once their grace period is over on a node that is not\nReady. Every node gets a spec.podCIDR from --cluster-cidr.")
	sf := addServiceFlags(fs, "127.0.0.1:10257")
	lf := addLeaderFlags(fs)
	var cfg nodecontroller.Config
	fs.DurationVar(&cfg.MonitorPeriod, "node-monitor-period", envDuration("node-monitor-period", nodecontroller.DefaultMonitorPeriod), "how often each node's health is checked")
	fs.DurationVar(&cfg.GracePeriod, "node-monitor-grace-period", envDuration("node-monitor-grace-period", nodecontroller.DefaultGracePeriod), "how long a node may be silent before it is marked Unknown and tainted unreachable")
	fs.Int64Var(&cfg.NotReadyTolerationSeconds, "default-not-ready-toleration-seconds", int64(envInt("default-not-ready-toleration-seconds", nodecontroller.DefaultTolerationSeconds)),
		"seconds pods with the apiserver's default not-ready toleration (300s) stay on a not-ready node; pods that set their own toleration keep it")
	fs.Int64Var(&cfg.UnreachableTolerationSeconds, "default-unreachable-toleration-seconds", int64(envInt("default-unreachable-toleration-seconds", nodecontroller.DefaultTolerationSeconds)),
		"seconds pods with the apiserver's default unreachable toleration (300s) stay on an unreachable node; pods that set their own toleration keep it")
	fs.StringVar(&cfg.ClusterCIDR, "cluster-cidr", env("cluster-cidr", nodecontroller.DefaultClusterCIDR), "range node pod CIDRs are allocated from (\"none\": no allocation)")
	fs.IntVar(&cfg.NodeCIDRMaskSize, "node-cidr-mask-size", envInt("node-cidr-mask-size", nodecontroller.DefaultNodeCIDRMaskSize), "prefix length of each node's pod CIDR")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr, cfg.LeaderElect, cfg.LeaseDuration = sf.NATS, sf.MetricsAddr, lf.Elect, lf.LeaseDuration
	return nodecontroller.Run(ctx, cfg)
}
