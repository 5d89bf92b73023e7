// Package controller is the one reconcile contract every kubus controller
// follows: a key in, requeue or error out, level-triggered, with one shared
// worker loop that retries failures with rate limiting.
package controller

import (
	"context"
	"time"
)

// Request names the object to reconcile. Reconcilers read its current
// state themselves: the request says only what may have changed.
type Request struct {
	Namespace, Name string
}

// String is namespace/name, or name for cluster-scoped objects.
func (r Request) String() string {
	if r.Namespace == "" {
		return r.Name
	}
	return r.Namespace + "/" + r.Name
}

// Result tells the worker loop what to do after a successful reconcile.
type Result struct {
	// Requeue runs the request again, rate limited.
	Requeue bool
	// RequeueAfter runs it again after this long (e.g. a pending timeout).
	RequeueAfter time.Duration
}

// Reconciler drives one object toward its desired state. It must be
// idempotent: it may run any number of times for the same request.
type Reconciler interface {
	Reconcile(ctx context.Context, req Request) (Result, error)
}

// Func adapts a function to Reconciler.
type Func func(ctx context.Context, req Request) (Result, error)

// Reconcile calls f.
func (f Func) Reconcile(ctx context.Context, req Request) (Result, error) { return f(ctx, req) }
