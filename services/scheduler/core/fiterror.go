package core

import (
	"fmt"
	"sort"
	"strings"
)

// FitError is Schedule's answer when no node fits the pod: how many nodes
// there were and, per reason, on how many nodes it applied. A node counts
// once under each distinct reason it failed with.
type FitError struct {
	NumNodes int
	Reasons  map[string]int // reason -> number of nodes
}

// noNodesMessage is upstream's ErrNoNodesAvailable, for a cluster without nodes.
const noNodesMessage = "no nodes available to schedule pods"

// Error formats the reasons exactly as kube-scheduler's FitError, so that
// pod conditions and events read the same as on a Kubernetes cluster, e.g.
// "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu."
// Like upstream, entries are sorted as the strings "<count> <reason>".
func (e *FitError) Error() string {
	if e.NumNodes == 0 {
		return noNodesMessage
	}
	entries := make([]string, 0, len(e.Reasons))
	for reason, count := range e.Reasons {
		entries = append(entries, fmt.Sprintf("%v %v", count, reason))
	}
	sort.Strings(entries)
	msg := fmt.Sprintf("0/%v nodes are available:", e.NumNodes)
	if len(entries) > 0 {
		msg += " " + strings.Join(entries, ", ") + "."
	}
	return msg
}
