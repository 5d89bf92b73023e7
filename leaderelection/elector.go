package leaderelection

import (
	"context"
	"sync"
	"time"

	"go.uber.org/zap"
	coordinationv1 "k8s.io/api/coordination/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/internal/logging"
)

// elector tracks the lease as this candidate last saw it. Expiry is judged
// by when this process saw the record change, not by the holder's clock,
// so clock skew between machines cannot make two leaders.
type elector struct {
	cfg      Config
	observed *coordinationv1.Lease
	seenAt   time.Time
}

// acquire retries until this candidate holds the lease; false if ctx ended.
func (e *elector) acquire(ctx context.Context) bool {
	for {
		if e.tryAcquireOrRenew(ctx) {
			logging.From(ctx).Info("became leader", zap.String("lease", e.cfg.Name), zap.String("identity", e.cfg.Identity))
			return true
		}
		if !sleep(ctx, e.cfg.RetryPeriod) {
			return false
		}
	}
}

// leadUntilLost runs lead while renewing; it returns after lead returned.
func (e *elector) leadUntilLost(ctx context.Context, lead func(context.Context)) {
	lctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); defer cancel(); lead(lctx) }()
	e.renewLoop(lctx)
	cancel()
	wg.Wait()
	logging.From(ctx).Info("stopped leading", zap.String("lease", e.cfg.Name), zap.String("identity", e.cfg.Identity))
}

func (e *elector) renewLoop(ctx context.Context) {
	lastRenew := e.cfg.Clock()
	for sleep(ctx, e.cfg.RetryPeriod) {
		if e.tryAcquireOrRenew(ctx) {
			lastRenew = e.cfg.Clock()
			continue
		}
		if e.cfg.Clock().Sub(lastRenew) > e.cfg.RenewDeadline || e.heldByOther() {
			return
		}
	}
}

// tryAcquireOrRenew writes the lease with this identity if it is free,
// expired or already ours.
func (e *elector) tryAcquireOrRenew(ctx context.Context) bool {
	now := metav1.NewMicroTime(e.cfg.Clock())
	obj, err := e.cfg.Client.Get(ctx, leases, e.cfg.Namespace, e.cfg.Name)
	if apierrors.IsNotFound(err) {
		return e.create(ctx, now)
	}
	if err != nil {
		return false
	}
	l := asLease(obj)
	e.observe(l)
	if e.heldByOther() && !e.expired() {
		return false
	}
	next := l.DeepCopy()
	if !e.heldByMe(l) {
		next.Spec.AcquireTime = &now
		next.Spec.LeaseTransitions = ptr(value(l.Spec.LeaseTransitions) + 1)
	}
	e.fill(next, now)
	out, err := e.cfg.Client.Update(ctx, next)
	if err != nil {
		return false // a Conflict means another candidate won this round
	}
	e.observe(asLease(out))
	return true
}

func (e *elector) create(ctx context.Context, now metav1.MicroTime) bool {
	l := &coordinationv1.Lease{ObjectMeta: metav1.ObjectMeta{Name: e.cfg.Name, Namespace: e.cfg.Namespace}}
	l.Spec.AcquireTime = &now
	l.Spec.LeaseTransitions = ptr(int32(0))
	e.fill(l, now)
	out, err := e.cfg.Client.Create(ctx, l)
	if err != nil {
		return false
	}
	e.observe(asLease(out))
	return true
}

func (e *elector) fill(l *coordinationv1.Lease, now metav1.MicroTime) {
	l.Spec.HolderIdentity = &e.cfg.Identity
	l.Spec.RenewTime = &now
	l.Spec.LeaseDurationSeconds = ptr(int32(e.cfg.LeaseDuration / time.Second))
}

// observe remembers the lease and when it last changed.
func (e *elector) observe(l *coordinationv1.Lease) {
	if l == nil {
		return
	}
	if e.observed == nil || e.observed.ResourceVersion != l.ResourceVersion {
		e.seenAt = e.cfg.Clock()
	}
	e.observed = l
}

func (e *elector) heldByMe(l *coordinationv1.Lease) bool {
	return l.Spec.HolderIdentity != nil && *l.Spec.HolderIdentity == e.cfg.Identity
}

func (e *elector) heldByOther() bool {
	l := e.observed
	return l != nil && l.Spec.HolderIdentity != nil && *l.Spec.HolderIdentity != "" && *l.Spec.HolderIdentity != e.cfg.Identity
}

func (e *elector) expired() bool {
	d := e.cfg.LeaseDuration
	if s := e.observed.Spec.LeaseDurationSeconds; s != nil {
		d = time.Duration(*s) * time.Second
	}
	return e.cfg.Clock().After(e.seenAt.Add(d))
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func ptr[T any](v T) *T { return &v }

func value(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
