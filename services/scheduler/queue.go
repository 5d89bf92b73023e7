package scheduler

import (
	"container/heap"

	corev1 "k8s.io/api/core/v1"
)

type podKey struct{ namespace, name string }

func keyOf(p *corev1.Pod) podKey { return podKey{p.Namespace, p.Name} }

// queue holds pending pods in kube-scheduler's order: higher priority
// first, then first come first served. Pods that fit nowhere wait aside
// until something changes that could make them fit.
type queue struct {
	active        podHeap
	index         map[podKey]*item
	unschedulable map[podKey]*corev1.Pod
}

type item struct {
	pod *corev1.Pod
	pos int
}

func newQueue() *queue {
	return &queue{index: map[podKey]*item{}, unschedulable: map[podKey]*corev1.Pod{}}
}

// upsert puts a pending pod in the active queue (or refreshes it where it
// waits).
func (q *queue) upsert(p *corev1.Pod) {
	k := keyOf(p)
	if _, ok := q.unschedulable[k]; ok {
		q.unschedulable[k] = p
		return
	}
	if it, ok := q.index[k]; ok {
		it.pod = p
		heap.Fix(&q.active, it.pos)
		return
	}
	it := &item{pod: p}
	q.index[k] = it
	heap.Push(&q.active, it)
}

func (q *queue) remove(k podKey) {
	delete(q.unschedulable, k)
	if it, ok := q.index[k]; ok {
		heap.Remove(&q.active, it.pos)
		delete(q.index, k)
	}
}

// pop takes the next pod to schedule, or nil.
func (q *queue) pop() *corev1.Pod {
	if q.active.Len() == 0 {
		return nil
	}
	it := heap.Pop(&q.active).(*item)
	delete(q.index, keyOf(it.pod))
	return it.pod
}

// park sets a pod aside until moveAll.
func (q *queue) park(p *corev1.Pod) { q.unschedulable[keyOf(p)] = p }

// moveAll gives every parked pod another try.
func (q *queue) moveAll() {
	parked := q.unschedulable
	q.unschedulable = map[podKey]*corev1.Pod{}
	for _, p := range parked {
		q.upsert(p)
	}
}

func (q *queue) len() int { return q.active.Len() + len(q.unschedulable) }

type podHeap []*item

func (h podHeap) Len() int { return len(h) }
func (h podHeap) Less(i, j int) bool {
	a, b := h[i].pod, h[j].pod
	if pa, pb := priority(a), priority(b); pa != pb {
		return pa > pb
	}
	if !a.CreationTimestamp.Equal(&b.CreationTimestamp) {
		return a.CreationTimestamp.Before(&b.CreationTimestamp)
	}
	return a.Namespace+"/"+a.Name < b.Namespace+"/"+b.Name
}
func (h podHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].pos = i; h[j].pos = j }
func (h *podHeap) Push(x any)   { it := x.(*item); it.pos = len(*h); *h = append(*h, it) }
func (h *podHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

func priority(p *corev1.Pod) int32 {
	if p.Spec.Priority != nil {
		return *p.Spec.Priority
	}
	return 0
}
