package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kubus-dev/kubus/services/sim"
)

func init() {
	register("sim", "simulated nodes: registers N nodes and plays their kubelets (like kwok)", runSim)
}

const simAbout = `Registers --nodes simulated nodes named <name-prefix><index> (sim-0, sim-1, ...)
and plays their kubelets without running containers: each node posts its status
every --node-status-update-frequency and renews its Lease in kube-node-lease every
--lease-interval; pods bound to a sim node turn Running and Ready with a pod IP
after --pod-start-delay; terminating pods are deleted with grace 0. One process
holds thousands of nodes: heartbeats are spread over their interval by one
scheduler and at most --max-inflight API writes are outstanding at once.

Restart-safe: nodes that exist are adopted, Running pods are not rewritten.

Fault injection: a node whose heartbeat is stopped renews no Lease, posts no
status and does no pod work, like a dead kubelet; resumed, it reports Ready
again at once. Stop nodes with --stopped at start, or at any time:
  - a request on the bus subject kubus.sim.<name-prefix>.control, JSON
      {"node":"sim-3","heartbeat":false}   stop one node (name or index)
      {"all":true,"heartbeat":true}        resume every node
      {}                                   report which nodes are stopped
    answered with {"changed":[...],"stopped":[...]} or {"error":"..."};
    e.g. nats req kubus.sim.sim-.control '{"node":"sim-3","heartbeat":false}'
  - signals: SIGUSR1 stops every node's heartbeat, SIGUSR2 resumes them all.`

func runSim(ctx context.Context, args []string) error {
	var cfg sim.Config
	var capacity, labels, taints, stopped string
	fs := newFlags("sim", simAbout)
	sf := addServiceFlags(fs, "127.0.0.1:10248")
	fs.IntVar(&cfg.Nodes, "nodes", envInt("nodes", 1), "number of simulated nodes")
	fs.StringVar(&cfg.NamePrefix, "name-prefix", env("name-prefix", "sim-"), "node names are this prefix plus the index from 0")
	fs.StringVar(&capacity, "capacity", env("capacity", "cpu=8,memory=32Gi,pods=110"), "node capacity (and allocatable), name=quantity,...; unnamed resources keep the default")
	fs.StringVar(&labels, "labels", env("labels", ""), "extra node labels k=v,... (kubernetes.io/hostname, os, arch and type=kubus-sim are always set)")
	fs.StringVar(&taints, "taints", env("taints", ""), "node taints key=value:Effect,... set at registration")
	fs.DurationVar(&cfg.PodStartDelay, "pod-start-delay", envDuration("pod-start-delay", 0), "time from seeing a pod bound to reporting it Running")
	fs.DurationVar(&cfg.NodeStatusUpdateFrequency, "node-status-update-frequency", envDuration("node-status-update-frequency", time.Minute), "how often each node posts its full status")
	fs.DurationVar(&cfg.LeaseInterval, "lease-interval", envDuration("lease-interval", 10*time.Second), "how often each node renews its Lease (what the node controller watches)")
	fs.DurationVar(&cfg.LeaseDuration, "lease-duration", envDuration("lease-duration", 40*time.Second), "leaseDurationSeconds written in each Lease")
	fs.StringVar(&stopped, "stopped", env("stopped", ""), "nodes (names or indices, comma separated) whose heartbeat is stopped from the start")
	fs.IntVar(&cfg.MaxInFlight, "max-inflight", envInt("max-inflight", 64), "API writes outstanding at once, across all nodes and pods")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	if err := parseSimLists(&cfg, capacity, labels, taints, stopped); err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr = sf.NATS, sf.MetricsAddr
	cfg.Commands = simSignals(ctx)
	return sim.Run(ctx, cfg)
}

func parseSimLists(cfg *sim.Config, capacity, labels, taints, stopped string) error {
	var err error
	if cfg.Capacity, err = sim.ParseCapacity(capacity); err != nil {
		return err
	}
	if cfg.Labels, err = sim.ParseLabels(labels); err != nil {
		return err
	}
	if cfg.Taints, err = sim.ParseTaints(taints); err != nil {
		return err
	}
	cfg.Stopped = sim.SplitList(stopped)
	return nil
}

// simSignals turns SIGUSR1 into "stop every heartbeat" and SIGUSR2 into
// "resume them all", for fault tests driven from a shell.
func simSignals(ctx context.Context) <-chan sim.Command {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR1, syscall.SIGUSR2)
	cmds := make(chan sim.Command)
	go func() {
		defer signal.Stop(sigs)
		for {
			select {
			case <-ctx.Done():
				return
			case sig := <-sigs:
				on := sig == syscall.SIGUSR2
				select {
				case cmds <- sim.Command{All: true, Heartbeat: &on}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return cmds
}
