package core

// reasonPorts is upstream NodePorts' ErrReason.
const reasonPorts = "node(s) didn't have free ports for the requested pod ports"

// filterPorts keeps a pod off nodes where a host port it asks for is taken
// on the same address, or where either side binds every address (0.0.0.0).
func filterPorts(c *cycle, n *nodeInfo, reasons []string) []string {
	for _, p := range c.ports {
		if n.ports.conflicts(p) {
			return append(reasons, reasonPorts)
		}
	}
	return reasons
}
