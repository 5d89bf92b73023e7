package sim

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are what an operator watches to see the sim keep up: how many
// nodes and pods it plays, how its writes fare and how late heartbeats go.
type metrics struct {
	nodes   prometheus.Gauge
	stopped prometheus.Gauge
	bound   prometheus.Gauge
	running prometheus.Gauge
	writes  *prometheus.CounterVec
	skipped *prometheus.CounterVec
	lag     prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		nodes:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "sim_nodes", Help: "Nodes this sim has registered."}),
		stopped: prometheus.NewGauge(prometheus.GaugeOpts{Name: "sim_nodes_stopped", Help: "Sim nodes whose heartbeat is stopped."}),
		bound:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "sim_pods", Help: "Pods bound to this sim's nodes, in any phase."}),
		running: prometheus.NewGauge(prometheus.GaugeOpts{Name: "sim_pods_running", Help: "Pods in phase Running on this sim's nodes."}),
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sim_writes_total",
			Help: "API writes by kind (node_register, node_status, lease, pod_status, pod_delete) and result."}, []string{"kind", "result"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sim_heartbeats_skipped_total",
			Help: "Heartbeats not sent because the node's previous one of that kind was still in flight."}, []string{"kind"}),
		lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "sim_heartbeat_lag_seconds",
			Help:    "How late a lease renewal or status report started against its schedule.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10)}),
	}
	reg.MustRegister(m.nodes, m.stopped, m.bound, m.running, m.writes, m.skipped, m.lag)
	return m
}

func (m *metrics) wrote(kind string, err error) {
	m.writes.WithLabelValues(kind, result(err)).Inc()
}

func (m *metrics) late(d time.Duration) {
	m.lag.Observe(max(d, 0).Seconds())
}
