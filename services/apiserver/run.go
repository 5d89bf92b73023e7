package apiserver

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/services/apiserver/pki"
	"github.com/kubus-dev/kubus/services/apiserver/rest"
	"github.com/kubus-dev/kubus/services/apiserver/serviceaccount"
	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// APISubject is where services send API requests over the bus.
const APISubject = "kubus.api"

// Run serves the API until ctx ends, then shuts down gracefully.
func Run(ctx context.Context, cfg Config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	log := logging.From(ctx)
	bundle, err := pki.Ensure(pki.Config{Dir: filepath.Join(cfg.DataDir, "pki"), Hosts: cfg.hosts(), Clock: cfg.Clock})
	if err != nil {
		return fmt.Errorf("apiserver: certificates: %w", err)
	}
	conn, err := bus.Connect(ctx, bus.ConnConfig{URL: cfg.NATSURL, Name: "kubus-apiserver"})
	if err != nil {
		return err
	}
	defer conn.Close()
	kv, err := conn.KV(ctx, bus.KVConfig{Bucket: cfg.Bucket, History: cfg.History, Replicas: cfg.Replicas})
	if err != nil {
		return err
	}
	store, err := storage.New(storage.Config{KV: kv, WatchCacheSize: cfg.WatchCacheSize, MediaType: cfg.StorageMediaType})
	if err != nil {
		return err
	}
	saKey, err := serviceaccount.LoadOrCreateKey(filepath.Join(cfg.DataDir, "pki"))
	if err != nil {
		return fmt.Errorf("apiserver: service account key: %w", err)
	}
	tokens := serviceaccount.NewTokens(saKey, cfg.Clock)
	api, err := rest.New(rest.Config{Store: store, KV: kv, ServiceCIDR: cfg.ServiceCIDR, NodePorts: cfg.NodePorts, Clock: cfg.Clock, Tokens: tokens, Logs: busLogs{bus: conn}})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g := newGroup(ctx, cancel)
	g.go_(func(ctx context.Context) error { return store.Run(ctx) })
	if err := store.Ready(ctx); err != nil {
		return g.wait(err)
	}
	if err := bootstrap(ctx, store, api, cfg); err != nil {
		return g.wait(fmt.Errorf("apiserver: bootstrap: %w", err))
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	handler := newMetrics(reg).wrap(routes(api, reg, func(r *http.Request) error { return store.Ready(r.Context()) }))
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return g.wait(fmt.Errorf("apiserver: listen: %w", err))
	}
	url := "https://" + ln.Addr().String()
	if err := pki.WriteKubeconfig(cfg.KubeconfigPath(), url, bundle); err != nil {
		return g.wait(err)
	}
	authn := &authenticator{tokens: tokens, store: store}
	srv := &http.Server{Handler: authn.wrap(handler), TLSConfig: bundle.TLSConfig(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }, ErrorLog: zap.NewStdLog(log)}
	g.go_(func(ctx context.Context) error { return serveTLS(ctx, srv, ln) })
	g.go_(func(ctx context.Context) error {
		return conn.Serve(ctx, APISubject, "apiserver", busResponder(handler, conn.MaxPayload()))
	})
	if err := waitBusAnswers(ctx, conn); err != nil {
		return g.wait(err)
	}
	log.Info("apiserver serving", zap.String("url", url), zap.String("kubeconfig", cfg.KubeconfigPath()))
	if cfg.Ready != nil {
		cfg.Ready <- url
	}
	return g.wait(nil)
}

// serveTLS serves until ctx ends, then drains requests for a few seconds.
func serveTLS(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(tls.NewListener(ln, srv.TLSConfig)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
