package main

import (
	"context"
	"time"

	"github.com/kubus-dev/kubus/services/replication"
	"github.com/kubus-dev/kubus/services/server"
)

func init() {
	register("replication-controller", "ReplicaSet, ReplicationController and Deployment controllers (leader-elected)", runReplicationController)
	serverComponents = append(serverComponents, func(fs *flagSet) server.Component {
		return server.Component{Name: "replication-controller", Run: func(ctx context.Context, nats string) error {
			return replication.Run(ctx, replication.Config{NATSURL: nats, LeaderElect: true})
		}}
	})
}

func runReplicationController(ctx context.Context, args []string) error {
	var cfg replication.Config
	fs := newFlags("replication-controller", "Keeps the pods of ReplicaSets and ReplicationControllers and rolls out Deployments,\nas kube-controller-manager does. Run several: one leads, the others stand by.")
	sf := addServiceFlags(fs, "127.0.0.1:10252")
	fs.IntVar(&cfg.Workers, "workers", envInt("workers", 5), "concurrent reconciles of each controller, unless set per controller")
	fs.IntVar(&cfg.DeploymentWorkers, "concurrent-deployment-syncs", envInt("concurrent-deployment-syncs", 0), "concurrent Deployment reconciles (0: --workers)")
	fs.IntVar(&cfg.ReplicaSetWorkers, "concurrent-replicaset-syncs", envInt("concurrent-replicaset-syncs", 0), "concurrent ReplicaSet reconciles (0: --workers)")
	fs.IntVar(&cfg.ReplicationControllerWorkers, "concurrent-rc-syncs", envInt("concurrent-rc-syncs", 0), "concurrent ReplicationController reconciles (0: --workers)")
	fs.IntVar(&cfg.BurstReplicas, "burst-replicas", envInt("burst-replicas", 500), "most pods one object creates or deletes per reconcile")
	lf := addLeaderFlags(fs)
	fs.DurationVar(&cfg.RenewDeadline, "leader-elect-renew-deadline", envDuration("leader-elect-renew-deadline", 10*time.Second), "how long the leader retries renewing before it stops leading")
	fs.DurationVar(&cfg.RetryPeriod, "leader-elect-retry-period", envDuration("leader-elect-retry-period", 2*time.Second), "pause between attempts to acquire or renew")
	ctx, err := fs.parse(ctx, args)
	if err != nil {
		return err
	}
	cfg.NATSURL, cfg.MetricsAddr = sf.NATS, sf.MetricsAddr
	cfg.LeaderElect, cfg.LeaseDuration = lf.Elect, lf.LeaseDuration
	return replication.Run(ctx, cfg)
}
