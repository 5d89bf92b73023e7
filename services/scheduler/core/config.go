package core

import "math/rand/v2"

// Config tunes a Snapshot's decisions. The zero value is kube-scheduler's
// default behaviour with a randomly seeded tie breaker.
type Config struct {
	// PercentageOfNodesToScore bounds the search for feasible nodes, as
	// kube-scheduler's option of the same name: once that share of all nodes
	// (never fewer than 100) is known to fit, the rest are not filtered and
	// the decision is made among those found. 0 means adaptive: 50% minus 1%
	// per 125 nodes, at least 5% (1,000 nodes: 42%; 5,000 nodes: 10%).
	// 100 examines every node, which gives the best placement at O(nodes).
	// Because the search resumes where the previous one stopped, every node
	// is still offered pods in turn.
	PercentageOfNodesToScore int
	// Rand breaks ties among the best nodes. Inject a seeded source for
	// reproducible decisions (tests, simulations); nil means a random seed.
	Rand *rand.Rand
}

// Upstream's bounds for the adaptive search (pkg/scheduler/schedule_one.go).
const (
	minFeasibleNodesToFind           = 100
	minFeasibleNodesPercentageToFind = 5
)

// Score weights of kube-scheduler's default profile. Spreading takes the
// weight of PodTopologySpread, whose system default constraints are the
// upstream way of spreading pods of one controller or Service.
const (
	weightTaintToleration = 3
	weightNodeAffinity    = 2
	weightSpread          = 2
	weightLeastAllocated  = 1
	weightBalanced        = 1
)

// maxNodeScore is the top of every score's range, as upstream MaxNodeScore.
const maxNodeScore = 100

// numFeasibleNodesToFind is upstream's numFeasibleNodesToFind: how many
// feasible nodes are enough to stop filtering, out of all nodes.
func (c *Config) numFeasibleNodesToFind(all int) int {
	if all < minFeasibleNodesToFind || c.PercentageOfNodesToScore >= 100 {
		return all
	}
	percentage := c.PercentageOfNodesToScore
	if percentage <= 0 {
		percentage = max(50-all/125, minFeasibleNodesPercentageToFind)
	}
	return max(all*percentage/100, minFeasibleNodesToFind)
}

func (c *Config) random() *rand.Rand {
	if c.Rand != nil {
		return c.Rand
	}
	return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
}
