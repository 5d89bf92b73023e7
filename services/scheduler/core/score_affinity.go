package core

// noPreferredAffinity: without preferences every node scores the same.
func noPreferredAffinity(c *cycle) bool {
	return len(c.preferred) == 0
}

// scoreAffinity is NodeAffinity's score: the sum of the weights of the
// preferred terms the node matches, normalized so the best node gets
// maxNodeScore.
func scoreAffinity(c *cycle, n *nodeInfo) int64 {
	var sum int64
	for i := range c.preferred {
		if c.preferred[i].term.matches(n) {
			sum += c.preferred[i].weight
		}
	}
	return sum
}
