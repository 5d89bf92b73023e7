package core

// noPeers: a pod of no controller and no Service, or the first of its
// groups, has no peers to avoid.
func noPeers(c *cycle) bool {
	return len(c.spreadGroups) == 0
}

// scoreSpread counts the pod's peers on the node: pods of the same
// controller or selected by the same Service. With several groups it takes
// the largest count, not the sum: a Deployment's pods are usually also its
// Service's pods and must not count twice, and per-group counts (kept by
// nodeInfo.spread) cannot tell the overlap. Upstream's SelectorSpread counted
// the union, which this equals when one group contains the others.
func scoreSpread(c *cycle, n *nodeInfo) int64 {
	var peers int32
	if n.spread == nil {
		return 0
	}
	for _, id := range c.spreadGroups {
		peers = max(peers, n.spread[id])
	}
	return int64(peers)
}

// normalizeSpread is SelectorSpread's node-level normalization: fewer peers
// score higher, a node without peers scores maxNodeScore.
func normalizeSpread(scores []int64) {
	var most int64
	for _, s := range scores {
		most = max(most, s)
	}
	for i, s := range scores {
		if most == 0 {
			scores[i] = maxNodeScore
			continue
		}
		scores[i] = maxNodeScore * (most - s) / most
	}
}
