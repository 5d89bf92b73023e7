package core

import corev1 "k8s.io/api/core/v1"

// reasonNodeName is upstream NodeName's ErrReason, for the nodes a pod with
// spec.nodeName does not name.
const reasonNodeName = "node(s) didn't match the requested node name"

// Schedule picks a node for pod: among the feasible nodes found (see
// Config.PercentageOfNodesToScore), the one with the best weighted score,
// ties broken at random. When no node fits, err is a *FitError. A pod that
// names its node (spec.nodeName) is checked against that node only.
//
// Schedule does not account the pod: once bound, pass it to AddPod.
func (s *Snapshot) Schedule(pod *corev1.Pod) (node string, err error) {
	if len(s.list) == 0 {
		return "", &FitError{}
	}
	c := s.newCycle(pod)
	var feasible []*nodeInfo
	if pod.Spec.NodeName != "" {
		feasible = s.filterNamed(c, pod.Spec.NodeName)
	} else {
		feasible = s.findFeasible(c)
	}
	switch len(feasible) {
	case 0:
		return "", s.explain(c)
	case 1:
		return feasible[0].name, nil
	}
	return s.selectHost(c, feasible), nil
}

// findFeasible filters nodes, starting where the last search stopped, until
// enough feasible ones are found or every node was visited.
func (s *Snapshot) findFeasible(c *cycle) []*nodeInfo {
	all := len(s.list)
	want := s.cfg.numFeasibleNodesToFind(all)
	feasible := s.feasible[:0]
	i := s.next % all // the list may have shrunk since
	for visited := 0; visited < all && len(feasible) < want; visited++ {
		n := s.list[i]
		if len(runFilters(c, n, s.reasons[:0])) == 0 {
			feasible = append(feasible, n)
		}
		if i++; i == all {
			i = 0
		}
	}
	s.next = i
	s.feasible = feasible
	return feasible
}

func (s *Snapshot) filterNamed(c *cycle, name string) []*nodeInfo {
	n := s.nodes[name]
	if n == nil || n.node == nil || len(runFilters(c, n, s.reasons[:0])) > 0 {
		return nil
	}
	s.feasible = append(s.feasible[:0], n)
	return s.feasible
}

// explain builds the FitError once nothing fits. It filters every node again
// rather than recording reasons during the search, which keeps the common
// path (something fits) free of map updates and formatting.
func (s *Snapshot) explain(c *cycle) *FitError {
	e := &FitError{NumNodes: len(s.list), Reasons: make(map[string]int)}
	named := c.pod.Spec.NodeName
	for _, n := range s.list {
		reasons := s.reasons[:0]
		if named != "" && n.name != named {
			// Upstream runs NodeUnschedulable before NodeName.
			if reasons = filterUnschedulable(c, n, reasons); len(reasons) == 0 {
				reasons = append(reasons, reasonNodeName)
			}
		} else {
			reasons = runFilters(c, n, reasons)
		}
		for _, r := range reasons {
			e.Reasons[r]++
		}
		s.reasons = reasons
	}
	return e
}

// selectHost scores the feasible nodes and returns the best, choosing among
// equals by reservoir sampling so each has the same chance (upstream's
// selectHost), which spreads identical pods over identical nodes.
func (s *Snapshot) selectHost(c *cycle, feasible []*nodeInfo) string {
	total := resetScores(&s.total, len(feasible))
	raw := resetScores(&s.raw, len(feasible))
	for i := range scorers {
		scorers[i].run(c, feasible, raw, total)
	}
	best, ties := 0, 0
	for i, t := range total {
		switch {
		case t > total[best]:
			best, ties = i, 1
		case t == total[best]:
			if ties++; s.rand.IntN(ties) == 0 {
				best = i
			}
		}
	}
	return feasible[best].name
}

// resetScores returns *buf resized to n zeros, growing it when needed.
func resetScores(buf *[]int64, n int) []int64 {
	if cap(*buf) < n {
		*buf = make([]int64, n)
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return *buf
}
