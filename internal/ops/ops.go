// Package ops serves what operators poll on every kubus service:
// Prometheus /metrics, the /healthz, /livez and /readyz probes, and
// /debug/pprof.
package ops

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Config configures the ops endpoint.
type Config struct {
	// Addr is host:port; empty disables the endpoint.
	Addr string
	// Registry holds the service's metrics; Go and process metrics are added.
	Registry *prometheus.Registry
	// Gatherer, if set, is served instead of Registry (e.g. several
	// registries, one per leadership term).
	Gatherer prometheus.Gatherer
	// Ready reports whether the service can do its work (nil: always).
	Ready func() error
}

// NewRegistry returns a registry with Go runtime and process metrics.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// Serve answers until ctx ends.
func Serve(ctx context.Context, cfg Config) error {
	if cfg.Addr == "" {
		<-ctx.Done()
		return nil
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux(cfg), ReadHeaderTimeout: 5 * time.Second}
	logging.From(ctx).Info("ops endpoint serving", zap.String("addr", ln.Addr().String()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func mux(cfg Config) *http.ServeMux {
	m := http.NewServeMux()
	var g prometheus.Gatherer = cfg.Registry
	switch {
	case cfg.Gatherer != nil:
		g = cfg.Gatherer
	case cfg.Registry == nil:
		g = NewRegistry()
	}
	m.Handle("/metrics", promhttp.HandlerFor(g, promhttp.HandlerOpts{}))
	ok := func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) }
	m.HandleFunc("/livez", ok)
	ready := func(w http.ResponseWriter, r *http.Request) {
		if cfg.Ready != nil {
			if err := cfg.Ready(); err != nil {
				http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		ok(w, r)
	}
	m.HandleFunc("/readyz", ready)
	m.HandleFunc("/healthz", ready)
	// Profiles on the ops port, as Kubernetes components serve them with
	// --profiling: performance work is measured, not guessed.
	m.HandleFunc("/debug/pprof/", pprof.Index)
	m.HandleFunc("/debug/pprof/profile", pprof.Profile)
	return m
}
