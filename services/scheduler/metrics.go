package scheduler

import "github.com/prometheus/client_golang/prometheus"

// metrics are named after kube-scheduler's where they mean the same.
type metrics struct {
	attempts    *prometheus.CounterVec
	binds       *prometheus.CounterVec
	latency     prometheus.Histogram
	bindLatency prometheus.Histogram
	pending     prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) *metrics {
	buckets := prometheus.ExponentialBuckets(0.00001, 2, 20)
	m := &metrics{
		attempts:    prometheus.NewCounterVec(prometheus.CounterOpts{Name: "scheduler_schedule_attempts_total", Help: "Scheduling decisions by result."}, []string{"result"}),
		binds:       prometheus.NewCounterVec(prometheus.CounterOpts{Name: "scheduler_binds_total", Help: "Bindings written by result."}, []string{"result"}),
		latency:     prometheus.NewHistogram(prometheus.HistogramOpts{Name: "scheduler_scheduling_algorithm_duration_seconds", Help: "Time to decide one pod.", Buckets: buckets}),
		bindLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "scheduler_binding_duration_seconds", Help: "Time from decision to binding written.", Buckets: buckets}),
		pending:     prometheus.NewGauge(prometheus.GaugeOpts{Name: "scheduler_pending_pods", Help: "Pods waiting to be scheduled."}),
	}
	reg.MustRegister(m.attempts, m.binds, m.latency, m.bindLatency, m.pending)
	return m
}
