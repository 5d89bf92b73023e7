// Package nodelogs is the bus contract for container logs: the apiserver
// asks the kubelet of a pod's node, where kube-apiserver would call the
// kubelet's port 10250. The kubelet answers with the log text, or not at
// all if it does not run the pod.
package nodelogs

import "strings"

// Subject is where the kubelet of node answers log requests. Dots in the
// name become "_" (node names have no "_"), so a node is one token.
func Subject(node string) string {
	return "kubus.node." + strings.ReplaceAll(node, ".", "_") + ".logs"
}

// AnySubject matches the log subject of every node, for a process that
// plays many nodes (kubus sim).
const AnySubject = "kubus.node.*.logs"

// Request names the container whose log is wanted (JSON on the bus).
type Request struct {
	Namespace, Pod, Container string
	TailLines                 *int64
	Previous                  bool
}
