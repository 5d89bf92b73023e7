package main

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
