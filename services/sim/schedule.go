package sim

import (
	"container/heap"
	"time"
)

// jobKind is one of a node's periodic writes.
type jobKind int

const (
	leaseJob  jobKind = iota // renew the node's Lease
	statusJob                // post the node's full status
	jobKinds
)

func (k jobKind) String() string {
	if k == leaseJob {
		return "lease"
	}
	return "node_status"
}

// job is one due periodic write of one node.
type job struct {
	due  time.Time
	node int
	kind jobKind
}

// schedule orders every node's periodic writes in one min-heap, so one
// loop drives all nodes: no timer or goroutine per node, and the first
// turns are spread evenly over each period, so 5,000 nodes renew at an
// even 500/s instead of all at once every 10s.
type schedule struct {
	jobs   jobHeap
	period [jobKinds]time.Duration
}

func newSchedule(nodes int, start time.Time, lease, status time.Duration) *schedule {
	s := &schedule{period: [jobKinds]time.Duration{lease, status}}
	s.jobs = make(jobHeap, 0, nodes*int(jobKinds))
	for i := range nodes {
		for k := range jobKinds {
			offset := s.period[k] * time.Duration(i) / time.Duration(nodes)
			s.jobs = append(s.jobs, job{due: start.Add(offset), node: i, kind: k})
		}
	}
	heap.Init(&s.jobs)
	return s
}

// next is when the earliest job is due; ok is false with no jobs at all.
func (s *schedule) next() (time.Time, bool) {
	if len(s.jobs) == 0 {
		return time.Time{}, false
	}
	return s.jobs[0].due, true
}

// pop removes the jobs due by until and queues each one's next turn a
// period later. A loop that fell more than a period behind skips the
// missed turns rather than firing them in a burst, and keeps the spread.
func (s *schedule) pop(until time.Time) []job {
	var out []job
	for len(s.jobs) > 0 && !s.jobs[0].due.After(until) {
		j := s.jobs[0]
		out = append(out, j)
		p := s.period[j.kind]
		next := j.due.Add(p)
		if behind := until.Sub(next); behind >= 0 {
			next = next.Add((behind/p + 1) * p)
		}
		s.jobs[0].due = next
		heap.Fix(&s.jobs, 0)
	}
	return out
}

// jobHeap is a container/heap of jobs, earliest first.
type jobHeap []job

func (h jobHeap) Len() int { return len(h) }
func (h jobHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	if h[i].node != h[j].node {
		return h[i].node < h[j].node
	}
	return h[i].kind < h[j].kind
}
func (h jobHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *jobHeap) Push(x any)   { *h = append(*h, x.(job)) }
func (h *jobHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
