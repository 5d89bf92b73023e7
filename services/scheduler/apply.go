package scheduler

import (
	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

// applyNode keeps the snapshot's nodes current. A change that could make
// a waiting pod fit gives the waiting pods another try.
func (s *scheduler) applyNode(t watch.EventType, n *corev1.Node, old runtime.Object) {
	switch t {
	case watch.Deleted:
		s.snap.RemoveNode(n.Name)
	case watch.Added:
		s.snap.AddNode(n)
		s.queue.moveAll()
	default:
		s.snap.UpdateNode(n)
		if o, ok := old.(*corev1.Node); !ok || schedulingChanged(o, n) {
			s.queue.moveAll()
		}
	}
}

// schedulingChanged ignores heartbeats: only what filters look at counts.
func schedulingChanged(a, b *corev1.Node) bool {
	return !apiequality.Semantic.DeepEqual(a.Labels, b.Labels) ||
		!apiequality.Semantic.DeepEqual(a.Spec.Taints, b.Spec.Taints) ||
		a.Spec.Unschedulable != b.Spec.Unschedulable ||
		!apiequality.Semantic.DeepEqual(a.Status.Allocatable, b.Status.Allocatable) ||
		ready(a) != ready(b)
}

func ready(n *corev1.Node) bool {
	for _, c := range n.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// applyPod accounts bound pods and queues pending ones of this scheduler.
func (s *scheduler) applyPod(t watch.EventType, p *corev1.Pod) {
	k := keyOf(p)
	if t == watch.Deleted {
		s.queue.remove(k)
		s.status.forget(k)
		delete(s.assumed, k)
		if p.Spec.NodeName != "" {
			s.snap.RemovePod(p)
			s.queue.moveAll() // its resources are free again
		}
		return
	}
	if p.Spec.NodeName != "" {
		delete(s.assumed, k)
		s.queue.remove(k)
		s.status.forget(k)
		s.snap.AddPod(p)
		if terminated(p) {
			s.queue.moveAll()
		}
		return
	}
	if _, inFlight := s.assumed[k]; inFlight || !ours(p) || p.DeletionTimestamp != nil {
		return
	}
	s.queue.upsert(p)
}

func ours(p *corev1.Pod) bool {
	return p.Spec.SchedulerName == "" || p.Spec.SchedulerName == Name
}

func terminated(p *corev1.Pod) bool {
	return p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed
}

func (s *scheduler) applyServices() {
	var svcs []*corev1.Service
	for _, o := range s.svcs.List("", nil) {
		svcs = append(svcs, o.(*corev1.Service))
	}
	s.snap.SetServices(svcs)
}
