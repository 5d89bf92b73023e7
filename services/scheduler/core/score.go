package core

// A scorer rates feasible nodes for a pod, as one upstream score plugin:
// score gives a raw value per node, normalize (when set) maps the raw values
// of all feasible nodes onto 0..maxNodeScore, and the result counts weight
// times in the node's total.
type scorer struct {
	weight    int64
	skip      func(c *cycle) bool // when the scorer cannot tell nodes apart for this pod
	score     func(c *cycle, n *nodeInfo) int64
	normalize func(scores []int64)
}

// scorers are kube-scheduler's default score plugins, by their weights.
var scorers = []scorer{
	{weight: weightTaintToleration, score: scoreTaints, normalize: normalizeReverse},
	{weight: weightNodeAffinity, skip: noPreferredAffinity, score: scoreAffinity, normalize: normalizeScores},
	{weight: weightSpread, skip: noPeers, score: scoreSpread, normalize: normalizeSpread},
	{weight: weightLeastAllocated, score: scoreLeastAllocated},
	{weight: weightBalanced, skip: bestEffort, score: scoreBalanced},
}

// run adds the scorer's weighted scores of nodes to total, using raw as scratch.
func (sc *scorer) run(c *cycle, nodes []*nodeInfo, raw, total []int64) {
	if sc.skip != nil && sc.skip(c) {
		return
	}
	for i, n := range nodes {
		raw[i] = sc.score(c, n)
	}
	if sc.normalize != nil {
		sc.normalize(raw)
	}
	for i := range raw {
		total[i] += sc.weight * raw[i]
	}
}

// normalizeScores is upstream's DefaultNormalizeScore: scale so that the
// highest raw score becomes maxNodeScore.
func normalizeScores(scores []int64) {
	defaultNormalize(scores, false)
}

// normalizeReverse is DefaultNormalizeScore reversed: the highest raw score
// (the worst, e.g. most intolerable taints) becomes 0, none at all maxNodeScore.
func normalizeReverse(scores []int64) {
	defaultNormalize(scores, true)
}

func defaultNormalize(scores []int64, reverse bool) {
	var highest int64
	for _, s := range scores {
		highest = max(highest, s)
	}
	for i, s := range scores {
		switch {
		case highest == 0 && reverse:
			scores[i] = maxNodeScore
		case highest == 0:
			// all zero already
		case reverse:
			scores[i] = maxNodeScore - maxNodeScore*s/highest
		default:
			scores[i] = maxNodeScore * s / highest
		}
	}
}
