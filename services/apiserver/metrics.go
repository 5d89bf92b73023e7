package apiserver

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the request counters and latencies kube-apiserver exposes
// under the same names, so existing dashboards read them.
type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "apiserver_request_total", Help: "Requests by verb, path kind and HTTP code."}, []string{"verb", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "apiserver_request_duration_seconds", Help: "Request latency by verb (watches excluded).",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}, []string{"verb"}),
	}
	reg.MustRegister(m.requests, m.latency)
	return m
}

func (m *metrics) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		verb := r.Method
		if r.URL.Query().Get("watch") == "true" {
			verb = "WATCH"
		} else {
			m.latency.WithLabelValues(verb).Observe(time.Since(start).Seconds())
		}
		m.requests.WithLabelValues(verb, strconv.Itoa(rec.code)).Inc()
	})
}

// recorder remembers the status code and still lets watches flush.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
