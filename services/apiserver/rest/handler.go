// Package rest serves the Kubernetes REST API over the storage package:
// discovery, OpenAPI, CRUD, watch, patch, subresources and Table output.
package rest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/services/apiserver/serviceaccount"
	"github.com/kubus-dev/kubus/services/apiserver/storage"

	"github.com/kubus-dev/kubus/nodelogs"
)

// Config configures a Handler.
type Config struct {
	Store *storage.Store
	// KV holds cluster-wide allocations (service IPs and node ports).
	KV bus.KV
	// ServiceCIDR is the range cluster IPs come from.
	ServiceCIDR string
	// NodePorts is the range node ports come from, e.g. "30000-32767".
	NodePorts string
	Clock     func() time.Time
	// Logs fetches a container's log from the node running it.
	Logs LogSource
	// Tokens issues service account tokens (TokenRequest).
	Tokens *serviceaccount.Tokens
}

// LogSource reads container logs from the node that runs the pod.
type LogSource interface {
	Logs(ctx context.Context, node string, req nodelogs.Request) ([]byte, error)
}

// Handler serves /api and /apis.
type Handler struct {
	cfg   Config
	alloc *allocator
}

// New validates cfg, fills defaults and returns a Handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Store == nil || cfg.KV == nil {
		return nil, errors.New("rest: Store and KV are required")
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.ServiceCIDR == "" {
		cfg.ServiceCIDR = "10.96.0.0/12"
	}
	if cfg.NodePorts == "" {
		cfg.NodePorts = "30000-32767"
	}
	alloc, err := newAllocator(cfg.KV, cfg.ServiceCIDR, cfg.NodePorts)
	if err != nil {
		return nil, err
	}
	return &Handler{cfg: cfg, alloc: alloc}, nil
}

// ServeHTTP routes a resource request to its verb.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer recoverInternal(w, r)
	req, err := parseRequest(r)
	if err != nil {
		writeError(w, err)
		return
	}
	if err := h.serve(w, r, req); err != nil {
		writeError(w, err)
	}
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request, req request) error {
	if req.sub != "" {
		return h.serveSub(w, r, req)
	}
	switch req.verb {
	case "get":
		return h.get(w, r, req)
	case "list":
		return h.list(w, r, req)
	case "watch":
		return h.watch(w, r, req)
	case "create":
		return h.create(w, r, req)
	case "update":
		return h.update(w, r, req)
	case "patch":
		return h.patch(w, r, req)
	case "delete":
		return h.delete(w, r, req)
	case "deletecollection":
		return h.deleteCollection(w, r, req)
	}
	return methodNotAllowed(r.Method, req)
}

// recoverInternal turns a bug into a 500 Status for this request instead
// of a dropped connection, and logs it.
func recoverInternal(w http.ResponseWriter, r *http.Request) {
	if p := recover(); p != nil {
		logging.From(r.Context()).Error("panic serving request", zap.String("path", r.URL.Path), zap.Any("panic", p), zap.Stack("stack"))
		writeError(w, fmt.Errorf("internal error: %v", p))
	}
}
