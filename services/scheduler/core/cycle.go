package core

import corev1 "k8s.io/api/core/v1"

// cycle is what one decision needs of the pod, computed once before the
// nodes are visited (upstream's PreFilter and PreScore state).
type cycle struct {
	pod *corev1.Pod

	req                    resources // for the fit check
	nonZeroCPU, nonZeroMem int64     // for scoring
	ports                  []hostPort

	// hasRequired tells "no required affinity" (nil terms) from "required
	// terms of which none can match" (also nil after compilation).
	hasRequired bool
	required    []selectorTerm
	preferred   []weightedTerm

	toleratesUnschedulable bool
	softTolerations        []corev1.Toleration // those that may tolerate PreferNoSchedule
	spreadGroups           []uint32            // the pod's groups with pods bound (spreadIDs)
}

// weightedTerm is a preferred node affinity term.
type weightedTerm struct {
	weight int64
	term   selectorTerm
}

var unschedulableTaint = corev1.Taint{Key: corev1.TaintNodeUnschedulable, Effect: corev1.TaintEffectNoSchedule}

func (s *Snapshot) newCycle(pod *corev1.Pod) *cycle {
	nonZero := podRequests(pod, true)
	c := &cycle{
		pod:                    pod,
		req:                    podRequests(pod, false),
		nonZeroCPU:             nonZero.milliCPU,
		nonZeroMem:             nonZero.memory,
		ports:                  podHostPorts(pod),
		toleratesUnschedulable: tolerated(pod.Spec.Tolerations, &unschedulableTaint),
		spreadGroups:           s.groupsOf(s.spreadKeys(pod, nil)),
	}
	for _, t := range pod.Spec.Tolerations {
		if t.Effect == "" || t.Effect == corev1.TaintEffectPreferNoSchedule {
			c.softTolerations = append(c.softTolerations, t)
		}
	}
	if a := pod.Spec.Affinity; a != nil && a.NodeAffinity != nil {
		c.compileAffinity(a.NodeAffinity)
	}
	return c
}

func (c *cycle) compileAffinity(a *corev1.NodeAffinity) {
	if req := a.RequiredDuringSchedulingIgnoredDuringExecution; req != nil {
		c.hasRequired = true
		c.required = compileTerms(req.NodeSelectorTerms)
	}
	for i := range a.PreferredDuringSchedulingIgnoredDuringExecution {
		p := &a.PreferredDuringSchedulingIgnoredDuringExecution[i]
		if p.Weight == 0 {
			continue
		}
		if t, ok := compileTerm(&p.Preference); ok {
			c.preferred = append(c.preferred, weightedTerm{weight: int64(p.Weight), term: t})
		}
	}
}
