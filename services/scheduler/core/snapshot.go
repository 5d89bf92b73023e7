package core

import (
	"math/rand/v2"

	corev1 "k8s.io/api/core/v1"
)

// Snapshot is the cluster as the scheduler sees it at one moment: nodes and
// the pods bound to them (spec.nodeName set, phase neither Succeeded nor
// Failed), with per-node aggregates maintained as they change. It is not safe
// for concurrent use.
type Snapshot struct {
	cfg       Config
	rand      *rand.Rand
	nodes     map[string]*nodeInfo // by name, placeholders included
	list      []*nodeInfo          // the candidates, in no particular order
	pods      map[podKey]*podInfo
	services  map[string]*serviceSet // by namespace
	spreadIDs spreadIDs

	// next is where the next search for feasible nodes starts, so that a
	// search stopping early does not always favour the same nodes.
	next int
	// Buffers reused by every decision, so that Schedule allocates little.
	feasible []*nodeInfo
	raw      []int64
	total    []int64
	reasons  []string
	keys     []spreadKey
	names    []string
}

// NewSnapshot builds a snapshot from lists, such as an informer's initial
// ones, with the default Config; pods not bound or terminated are skipped.
func NewSnapshot(nodes []*corev1.Node, pods []*corev1.Pod) *Snapshot {
	s := &Snapshot{
		nodes: make(map[string]*nodeInfo, len(nodes)),
		list:  make([]*nodeInfo, 0, len(nodes)),
		pods:  make(map[podKey]*podInfo, len(pods)),
	}
	s.SetConfig(Config{})
	for _, n := range nodes {
		s.AddNode(n)
	}
	for _, p := range pods {
		s.AddPod(p)
	}
	return s
}

// SetConfig changes how the next decisions are made.
func (s *Snapshot) SetConfig(cfg Config) {
	s.cfg = cfg
	s.rand = cfg.random()
}

// NumNodes is the number of nodes a pod may be scheduled to.
func (s *Snapshot) NumNodes() int {
	return len(s.list)
}

// AddNode adds node, or updates it if a node of that name is known.
func (s *Snapshot) AddNode(node *corev1.Node) {
	n := s.nodes[node.Name]
	if n == nil {
		n = newNodeInfo(node.Name)
		s.nodes[node.Name] = n
	}
	n.setNode(node)
	if n.idx < 0 {
		n.idx = len(s.list)
		s.list = append(s.list, n)
	}
}

// UpdateNode replaces a node's object; pods bound to it stay accounted.
func (s *Snapshot) UpdateNode(node *corev1.Node) {
	s.AddNode(node)
}

// RemoveNode drops a node from the candidates. Pods still bound to it stay
// accounted until removed, so a node that comes back is not seen empty.
func (s *Snapshot) RemoveNode(name string) {
	n := s.nodes[name]
	if n == nil || n.node == nil {
		return
	}
	last := s.list[len(s.list)-1]
	s.list[n.idx], last.idx = last, n.idx
	s.list[len(s.list)-1] = nil
	s.list = s.list[:len(s.list)-1]
	n.idx, n.node, n.labels = -1, nil, nil
	if n.empty() {
		delete(s.nodes, name)
	}
}

// nodeFor returns the node's info, making a placeholder if it is unknown.
func (s *Snapshot) nodeFor(name string) *nodeInfo {
	n := s.nodes[name]
	if n == nil {
		n = newNodeInfo(name)
		s.nodes[name] = n
	}
	return n
}
