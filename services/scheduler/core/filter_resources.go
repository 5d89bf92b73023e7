package core

// Upstream NodeResourcesFit's reasons; other resources read "Insufficient <name>".
const (
	reasonTooManyPods          = "Too many pods"
	reasonInsufficientCPU      = "Insufficient cpu"
	reasonInsufficientMemory   = "Insufficient memory"
	reasonInsufficientStorage  = "Insufficient ephemeral-storage"
	reasonInsufficientResource = "Insufficient "
)

// filterResources is upstream NodeResourcesFit's fitsRequest: the pod's
// requests must fit in the node's allocatable minus what the pods bound to it
// request, and one more pod must fit in its allocatable pods. Unlike other
// filters it reports every shortage, so a node can count under several
// reasons. Containers without requests ask for nothing here: only scoring
// substitutes defaults for them.
func filterResources(c *cycle, n *nodeInfo, reasons []string) []string {
	if n.numPods+1 > n.allowedPods {
		reasons = append(reasons, reasonTooManyPods)
	}
	r := &c.req
	if r.milliCPU > 0 && r.milliCPU > n.alloc.milliCPU-n.requested.milliCPU {
		reasons = append(reasons, reasonInsufficientCPU)
	}
	if r.memory > 0 && r.memory > n.alloc.memory-n.requested.memory {
		reasons = append(reasons, reasonInsufficientMemory)
	}
	if r.ephemeral > 0 && r.ephemeral > n.alloc.ephemeral-n.requested.ephemeral {
		reasons = append(reasons, reasonInsufficientStorage)
	}
	for name, v := range r.scalar {
		if v > 0 && v > n.alloc.scalar[name]-n.requested.scalar[name] {
			reasons = append(reasons, reasonInsufficientResource+string(name))
		}
	}
	return reasons
}
