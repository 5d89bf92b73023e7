package controller

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.uber.org/zap"
	"k8s.io/client-go/util/workqueue"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Config configures a Controller.
type Config struct {
	// Name labels logs and metrics.
	Name       string
	Reconciler Reconciler
	// Workers reconcile different requests in parallel (default 4); one
	// request is never reconciled by two workers at once.
	Workers int
	// RateLimiter spaces out retries of failing requests (default:
	// per-item exponential 5ms..1000s and an overall token bucket).
	RateLimiter workqueue.TypedRateLimiter[Request]
	Metrics     *Metrics
}

// Controller queues requests and runs them through the Reconciler.
type Controller struct {
	cfg   Config
	queue workqueue.TypedRateLimitingInterface[Request]
}

// New validates cfg, fills defaults and returns a Controller.
func New(cfg Config) (*Controller, error) {
	if cfg.Name == "" || cfg.Reconciler == nil {
		return nil, errors.New("controller: Name and Reconciler are required")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.RateLimiter == nil {
		cfg.RateLimiter = workqueue.DefaultTypedControllerRateLimiter[Request]()
	}
	q := workqueue.NewTypedRateLimitingQueueWithConfig(cfg.RateLimiter, workqueue.TypedRateLimitingQueueConfig[Request]{Name: cfg.Name})
	return &Controller{cfg: cfg, queue: q}, nil
}

// Enqueue asks for req to be reconciled; duplicates collapse into one.
func (c *Controller) Enqueue(req Request) { c.queue.Add(req) }

// EnqueueAfter asks for req to be reconciled after d.
func (c *Controller) EnqueueAfter(req Request, d time.Duration) { c.queue.AddAfter(req, d) }

// Run reconciles until ctx ends, then waits for the workers to stop.
func (c *Controller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for range c.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c.next(ctx) {
			}
		}()
	}
	<-ctx.Done()
	c.queue.ShutDown()
	wg.Wait()
	return nil
}

// next processes one request; false once the queue is shut down.
func (c *Controller) next(ctx context.Context) bool {
	req, shutdown := c.queue.Get()
	if shutdown {
		return false
	}
	defer c.queue.Done(req)
	start := time.Now()
	res, err := c.reconcile(ctx, req)
	c.cfg.Metrics.observe(c.cfg.Name, start, err)
	switch {
	case err != nil:
		logging.From(ctx).Info("reconcile failed, will retry", zap.String("controller", c.cfg.Name), zap.Stringer("request", req), zap.Error(err))
		c.queue.AddRateLimited(req)
	case res.RequeueAfter > 0:
		c.queue.Forget(req)
		c.queue.AddAfter(req, res.RequeueAfter)
	case res.Requeue:
		c.queue.AddRateLimited(req)
	default:
		c.queue.Forget(req)
	}
	return true
}

// reconcile runs the Reconciler, turning a panic into an error so one bad
// object cannot take the whole controller down.
func (c *Controller) reconcile(ctx context.Context, req Request) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			logging.From(ctx).Error("reconcile panicked", zap.String("controller", c.cfg.Name), zap.Stringer("request", req), zap.Any("panic", p), zap.Stack("stack"))
			err = errors.New("reconcile panicked")
		}
	}()
	return c.cfg.Reconciler.Reconcile(ctx, req)
}
