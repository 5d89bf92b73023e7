package controller

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts reconciles per controller, as controller-runtime names them.
type Metrics struct {
	total    *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewMetrics registers the reconcile metrics with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		total: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "controller_reconcile_total", Help: "Reconciles by controller and result."}, []string{"controller", "result"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "controller_reconcile_duration_seconds", Help: "Reconcile latency by controller.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}, []string{"controller"}),
	}
	reg.MustRegister(m.total, m.duration)
	return m
}

func (m *Metrics) observe(name string, start time.Time, err error) {
	if m == nil {
		return
	}
	result := "success"
	if err != nil {
		result = "error"
	}
	m.total.WithLabelValues(name, result).Inc()
	m.duration.WithLabelValues(name).Observe(time.Since(start).Seconds())
}
