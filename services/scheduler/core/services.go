package core

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// serviceSet is what spreading needs of one namespace's Services: each
// selector by Service name, and an index to find those selecting a pod.
type serviceSet struct {
	selectors map[string]map[string]string
	index     selectorIndex[string]
}

// serviceDelta is a Service selector whose pods gain or lose a count.
type serviceDelta struct {
	name  string
	delta int32
}

// SetServices replaces the Services known to the spread score; call it with
// the informer's full list on any Service event. When selectors changed, it
// makes one pass over the bound pods, each costing a lookup per label.
func (s *Snapshot) SetServices(svcs []*corev1.Service) {
	next := make(map[string]*serviceSet)
	for _, svc := range svcs {
		// A Service without selector selects no pods (its endpoints are
		// managed by hand), unlike an empty label selector.
		if len(svc.Spec.Selector) == 0 {
			continue
		}
		set := next[svc.Namespace]
		if set == nil {
			set = &serviceSet{selectors: make(map[string]map[string]string)}
			next[svc.Namespace] = set
		}
		set.selectors[svc.Name] = svc.Spec.Selector
	}
	changed := make(map[string]selectorIndex[serviceDelta])
	diffServices(s.services, next, -1, changed)
	diffServices(next, s.services, 1, changed)
	for ns, set := range next {
		if _, ok := changed[ns]; !ok {
			next[ns] = s.services[ns] // unchanged: keep its index
			continue
		}
		set.index = make(selectorIndex[string])
		for name, sel := range set.selectors {
			set.index.add(sel, name)
		}
	}
	s.services = next
	if len(changed) > 0 {
		s.recountServices(changed)
	}
}

// diffServices records, with delta, the Services of from that to lacks or
// selects differently.
func diffServices(from, to map[string]*serviceSet, delta int32, out map[string]selectorIndex[serviceDelta]) {
	for ns, set := range from {
		for name, sel := range set.selectors {
			var other map[string]string
			if to[ns] != nil {
				other = to[ns].selectors[name]
			}
			if other == nil || !sameSelector(sel, other) {
				if out[ns] == nil {
					out[ns] = make(selectorIndex[serviceDelta])
				}
				out[ns].add(sel, serviceDelta{name: name, delta: delta})
			}
		}
	}
}

func sameSelector(a, b map[string]string) bool {
	return len(a) == len(b) && selects(a, b)
}

// recountServices applies the changed Services' deltas to their pods' nodes.
func (s *Snapshot) recountServices(changed map[string]selectorIndex[serviceDelta]) {
	var deltas []serviceDelta
	for _, p := range s.pods {
		deltas = changed[p.pod.Namespace].appendMatching(deltas[:0], p.pod.Labels)
		for _, d := range deltas {
			s.countPeer(s.nodes[p.node], serviceKey(p.pod.Namespace, d.name), d.delta)
		}
	}
}

func serviceKey(namespace, name string) spreadKey {
	return spreadKey{service: true, namespace: namespace, name: name}
}

// spreadKeys returns, reusing out's storage, the groups pod belongs to: its
// controller's and those of the Services selecting it.
func (s *Snapshot) spreadKeys(pod *corev1.Pod, out []spreadKey) []spreadKey {
	out = out[:0]
	if ref := metav1.GetControllerOfNoCopy(pod); ref != nil {
		out = append(out, spreadKey{namespace: pod.Namespace, kind: ref.Kind, name: ref.Name})
	}
	if set := s.services[pod.Namespace]; set != nil {
		s.names = set.index.appendMatching(s.names[:0], pod.Labels)
		for _, name := range s.names {
			out = append(out, serviceKey(pod.Namespace, name))
		}
	}
	return out
}
