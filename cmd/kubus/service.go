package main

import "time"

// serviceFlags are the flags every service but the apiserver shares.
type serviceFlags struct {
	NATS        string
	MetricsAddr string
}

// addServiceFlags registers --nats and --metrics-addr; metrics is the
// service's default ops address (/metrics, /healthz, /readyz, /livez).
func addServiceFlags(fs *flagSet, metrics string) *serviceFlags {
	sf := &serviceFlags{}
	fs.StringVar(&sf.NATS, "nats", env("nats", "nats://127.0.0.1:4222"), "NATS URL of the bus")
	fs.StringVar(&sf.MetricsAddr, "metrics-addr", env("metrics-addr", metrics), "address of /metrics and the health probes (empty: off)")
	return sf
}

// leaderFlags are the leader election flags of leader-elected services.
type leaderFlags struct {
	Elect         bool
	LeaseDuration time.Duration
}

// addLeaderFlags registers --leader-elect and --leader-elect-lease-duration
// under Kubernetes' own names.
func addLeaderFlags(fs *flagSet) *leaderFlags {
	lf := &leaderFlags{}
	fs.BoolVar(&lf.Elect, "leader-elect", env("leader-elect", "true") == "true", "elect a leader through a Lease so that several copies can run; only the leader works")
	fs.DurationVar(&lf.LeaseDuration, "leader-elect-lease-duration", envDuration("leader-elect-lease-duration", 15*time.Second), "how long a leader's lease lasts without renewal")
	return lf
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(env(name, "")); err == nil {
		return d
	}
	return def
}
