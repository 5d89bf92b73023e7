package sim

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestScheduleSpreadsFirstTurns(t *testing.T) {
	s := newSchedule(4, t0, 10*time.Second, time.Minute)
	want := []job{
		{t0, 0, leaseJob}, {t0, 0, statusJob},
		{t0.Add(2500 * time.Millisecond), 1, leaseJob}, {t0.Add(5 * time.Second), 2, leaseJob},
		{t0.Add(7500 * time.Millisecond), 3, leaseJob}, {t0.Add(10 * time.Second), 0, leaseJob},
		{t0.Add(12500 * time.Millisecond), 1, leaseJob}, {t0.Add(15 * time.Second), 1, statusJob},
	}
	var got []job
	for len(got) < len(want) {
		next, _ := s.next()
		got = append(got, s.pop(next)...)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("turn %d = %+v, want %+v\nall: %+v", i, got[i], want[i], got)
		}
	}
}

// TestScheduleSteadyRate drives the schedule as the heartbeat loop does
// for 5,000 nodes over two minutes: every node renews exactly every
// period, and no step carries more than its share of the load.
func TestScheduleSteadyRate(t *testing.T) {
	const nodes = 5000
	lease, status := 10*time.Second, time.Minute
	s := newSchedule(nodes, t0, lease, status)
	last := map[job]time.Time{} // by node and kind, due zeroed
	counts := map[jobKind]int{}
	end := t0.Add(2 * time.Minute)
	for now := t0; now.Before(end); now = now.Add(quantum) {
		jobs := s.pop(now.Add(quantum))
		if len(jobs) > 8 { // 500 leases/s + 83 status/s is ~6 per 10ms
			t.Fatalf("%d jobs at %v: not spread", len(jobs), now.Sub(t0))
		}
		for _, j := range jobs {
			if !j.due.Before(end) {
				continue
			}
			counts[j.kind]++
			key := job{node: j.node, kind: j.kind}
			if prev, ok := last[key]; ok && j.due.Sub(prev) != s.period[j.kind] {
				t.Fatalf("node %d %s: turns %v apart", j.node, j.kind, j.due.Sub(prev))
			}
			last[key] = j.due
		}
	}
	if counts[leaseJob] != nodes*12 || counts[statusJob] != nodes*2 {
		t.Errorf("turns: %d leases, %d statuses; want %d and %d", counts[leaseJob], counts[statusJob], nodes*12, nodes*2)
	}
}

// TestScheduleSkipsMissedTurns: a loop stalled for 35s fires each node's
// lease once, not three times, and keeps it on its own phase.
func TestScheduleSkipsMissedTurns(t *testing.T) {
	s := newSchedule(2, t0, 10*time.Second, time.Hour)
	s.pop(t0) // node 0's first turns
	jobs := s.pop(t0.Add(35 * time.Second))
	leases := 0
	for _, j := range jobs {
		if j.kind == leaseJob {
			leases++
		}
	}
	if leases != 2 {
		t.Fatalf("after a stall: %d lease turns, want one per node: %+v", leases, jobs)
	}
	next, _ := s.next()
	if want := t0.Add(40 * time.Second); !next.Equal(want) { // node 0: its phase (0s) + 4 periods
		t.Errorf("next turn at %v, want %v", next.Sub(t0), want.Sub(t0))
	}
}
