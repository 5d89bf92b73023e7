package sim

import (
	"context"
	"time"
)

// quantum is how far ahead the heartbeat loop takes due jobs: it wakes at
// most every 10ms instead of once per job (5,000 nodes: 500 jobs/s).
const quantum = 10 * time.Millisecond

// behindLimit is how late heartbeats may run before pod work yields.
const behindLimit = time.Second

// admit lets pod work write: freely while heartbeats keep time, two at a
// time while they run late. A late Lease costs a node its Ready, a late
// pod only its start, so heartbeats go first, but pods still progress
// under sustained load. It is the sim's share of what kube-apiserver's
// priority levels do for real kubelets on a saturated apiserver. Waiting
// workers block here rather than requeue: a queue of 100,000 pending pods
// spinning through requeues would itself starve the heartbeats.
func (s *sim) admit(ctx context.Context) (release func(), err error) {
	for time.Duration(s.behind.Load()) > behindLimit {
		select {
		case s.trickle <- struct{}{}:
			return func() { <-s.trickle }, nil
		case <-time.After(100 * time.Millisecond): // heartbeats may have caught up
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return func() {}, nil
}

// heartbeats drives every node's lease renewals and status reports from
// one schedule until ctx ends.
func (s *sim) heartbeats(ctx context.Context) error {
	sched := newSchedule(len(s.fleet.nodes), s.cfg.Clock(), s.cfg.LeaseInterval, s.cfg.NodeStatusUpdateFrequency)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		}
		now := s.cfg.Clock()
		jobs := sched.pop(now.Add(quantum))
		s.behind.Store(0)
		if len(jobs) > 0 {
			s.behind.Store(int64(now.Sub(jobs[0].due))) // the oldest: pop goes in order
		}
		for _, j := range jobs {
			if s.beat(ctx, s.fleet.nodes[j.node], j.kind) { // returns once the write started
				s.m.late(s.cfg.Clock().Sub(j.due))
			}
		}
		if next, ok := sched.next(); ok {
			timer.Reset(next.Sub(s.cfg.Clock()))
		}
	}
}

// beat starts one heartbeat write of node n, unless the node is stopped
// or its previous write of that kind is still in flight: then a later
// turn carries the news, as a lagging kubelet's next heartbeat would.
// It reports whether a write started.
func (s *sim) beat(ctx context.Context, n *simNode, kind jobKind) bool {
	if n.stopped.Load() {
		return false
	}
	if !n.busy[kind].CompareAndSwap(false, true) {
		s.m.skipped.WithLabelValues(kind.String()).Inc()
		return false
	}
	write := s.renew
	if kind == statusJob {
		write = s.report
	}
	s.w.spawn(ctx, kind.String(), func(ctx context.Context) error { return write(ctx, n) },
		func() { n.busy[kind].Store(false) })
	return true
}
