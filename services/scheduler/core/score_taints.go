package core

// scoreTaints is TaintToleration's score: the number of PreferNoSchedule
// taints on the node that the pod does not tolerate, normalized in reverse,
// so nodes the pod is less unwelcome on score higher. Only tolerations with
// no effect or PreferNoSchedule count, as upstream.
func scoreTaints(c *cycle, n *nodeInfo) int64 {
	var intolerable int64
	for i := range n.softTaints {
		if !tolerated(c.softTolerations, &n.softTaints[i]) {
			intolerable++
		}
	}
	return intolerable
}
