package core

import "math"

// scoreLeastAllocated is NodeResourcesFit's default LeastAllocated strategy
// on cpu and memory (weight 1 each): the share of allocatable left once the
// pod is added, so load spreads over nodes. Requests use upstream's non-zero
// defaults, else pods without requests would all land on one node.
func scoreLeastAllocated(c *cycle, n *nodeInfo) int64 {
	var sum, weights int64
	if n.alloc.milliCPU > 0 {
		sum += leastRequested(n.nonZeroCPU+c.nonZeroCPU, n.alloc.milliCPU)
		weights++
	}
	if n.alloc.memory > 0 {
		sum += leastRequested(n.nonZeroMem+c.nonZeroMem, n.alloc.memory)
		weights++
	}
	if weights == 0 {
		return 0
	}
	return sum / weights
}

func leastRequested(requested, capacity int64) int64 {
	if requested > capacity {
		return 0
	}
	return (capacity - requested) * maxNodeScore / capacity
}

// bestEffort pods request nothing, so balance cannot tell nodes apart for
// them (upstream skips BalancedAllocation for them too).
func bestEffort(c *cycle) bool {
	return c.req.milliCPU == 0 && c.req.memory == 0
}

// scoreBalanced is NodeResourcesBalancedAllocation on cpu and memory: nodes
// whose cpu and memory would be used in equal shares score higher, so that
// neither runs out while the other idles. It uses the actual requests, as
// upstream does, and 1 - the standard deviation of the shares, which for two
// resources is half their difference.
func scoreBalanced(c *cycle, n *nodeInfo) int64 {
	var fractions [2]float64
	k := 0
	if n.alloc.milliCPU > 0 {
		fractions[k] = share(n.requested.milliCPU+c.req.milliCPU, n.alloc.milliCPU)
		k++
	}
	if n.alloc.memory > 0 {
		fractions[k] = share(n.requested.memory+c.req.memory, n.alloc.memory)
		k++
	}
	std := 0.0
	if k == 2 {
		std = math.Abs(fractions[0]-fractions[1]) / 2
	}
	return int64((1 - std) * maxNodeScore)
}

// share is requested/allocatable, capped at 1 as upstream.
func share(requested, allocatable int64) float64 {
	return min(float64(requested)/float64(allocatable), 1)
}
