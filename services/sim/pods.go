package sim

import (
	"net/netip"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"

	"github.com/kubus-dev/kubus/controller"
)

// action is what a sim kubelet owes a pod.
type action int

const (
	actNone   action = iota
	actStart         // bound and pending: report it Running
	actDelete        // terminating: finish the deletion
)

// podAction decides from the pod alone, so a restarted sim picks up where
// the last one stopped: a Running pod is never written again.
func podAction(p *corev1.Pod) action {
	switch {
	case p.DeletionTimestamp != nil:
		if len(p.Finalizers) > 0 && p.DeletionGracePeriodSeconds != nil && *p.DeletionGracePeriodSeconds == 0 {
			return actNone // already released to grace 0: finalizers hold it, not the node
		}
		return actDelete
	case p.Status.Phase == corev1.PodPending || p.Status.Phase == "":
		return actStart
	}
	return actNone
}

// onPod sees every pod change in the cluster and keeps those bound to this
// sim's nodes: the running count and the IP bitmaps follow each change,
// and pods the kubelet owes something are queued, pending ones after
// PodStartDelay. It holds no copy of a pod: the informer has it.
func (s *sim) onPod(t watch.EventType, obj, old runtime.Object) {
	pod, _ := obj.(*corev1.Pod)
	if pod == nil {
		return
	}
	n := s.fleet.get(pod.Spec.NodeName)
	if n == nil {
		return
	}
	s.account(t, n, pod, old)
	if t != watch.Deleted {
		s.enqueue(pod)
	}
}

// account keeps the gauges and node n's IP bitmap in step with a change.
func (s *sim) account(t watch.EventType, n *simNode, pod *corev1.Pod, old runtime.Object) {
	was, _ := old.(*corev1.Pod)
	s.m.running.Add(runningDelta(t, pod, was))
	switch t {
	case watch.Added:
		s.m.bound.Inc()
	case watch.Deleted:
		s.m.bound.Dec()
	}
	before, after := podIP(was), podIP(pod)
	if t == watch.Deleted {
		before, after = after, netip.Addr{}
	}
	if before != after {
		s.moveIP(n, before, after)
	}
}

func (s *sim) enqueue(pod *corev1.Pod) {
	req := controller.Request{Namespace: pod.Namespace, Name: pod.Name}
	switch podAction(pod) {
	case actStart:
		s.ctrl.EnqueueAfter(req, s.cfg.PodStartDelay)
	case actDelete:
		s.ctrl.Enqueue(req)
	}
}

// sweep calls f for every pod bound to one of this sim's nodes, for the
// pod work of nodes that resume (one pass over the informer, no index).
func (s *sim) sweep(f func(n *simNode, pod *corev1.Pod)) {
	for _, obj := range s.pods.List("", nil) {
		if pod, ok := obj.(*corev1.Pod); ok {
			if n := s.fleet.get(pod.Spec.NodeName); n != nil {
				f(n, pod)
			}
		}
	}
}

// runningDelta is how a change moves the count of Running pods.
func runningDelta(t watch.EventType, pod, was *corev1.Pod) float64 {
	d := 0.0
	if running(pod) {
		d = 1
		if t == watch.Deleted {
			d = -1
		}
	}
	if running(was) {
		d--
	}
	return d
}

func running(p *corev1.Pod) bool { return p != nil && p.Status.Phase == corev1.PodRunning }

// podIP is the pod's address, invalid when it has none.
func podIP(p *corev1.Pod) netip.Addr {
	if p == nil {
		return netip.Addr{}
	}
	a, _ := netip.ParseAddr(p.Status.PodIP)
	return a
}
