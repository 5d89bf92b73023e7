package sim

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"k8s.io/apimachinery/pkg/types"
)

// Address plan, clear of the default service range 10.96.0.0/12: node i
// has InternalIP 10.128.0.0 + i + 1 and, while its Node has no
// spec.podCIDR, gives pods addresses from 10.192.0.0 + i*256, a /24.
var (
	nodeIPBase   = netip.MustParseAddr("10.128.0.0")
	podCIDRBase  = netip.MustParseAddr("10.192.0.0")
	podCIDRWidth = 24
)

// simNode is what the sim keeps per node: a few hundred bytes, so 5,000
// nodes cost about a megabyte. Objects live in the informers.
type simNode struct {
	index    int
	name, ip string
	// stopped is the fault switch: no lease, no status, no pod work.
	stopped atomic.Bool
	// busy marks a heartbeat write of each kind in flight, so a slow
	// apiserver gets one write per node and kind, not a pile-up.
	busy [jobKinds]atomic.Bool

	mu      sync.Mutex
	uid     types.UID // set once registered; the lease's owner
	leaseRV string    // resourceVersion of the lease last written
	ips     ipPool
}

func (n *simNode) registered() (types.UID, string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.uid, n.leaseRV
}

// setUID records the node as registered; true the first time.
func (n *simNode) setUID(uid types.UID) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	first := n.uid == ""
	n.uid = uid
	return first
}

func (n *simNode) setLeaseRV(rv string) {
	n.mu.Lock()
	n.leaseRV = rv
	n.mu.Unlock()
}

// fleet is the fixed set of nodes one sim plays.
type fleet struct {
	nodes  []*simNode
	byName map[string]*simNode
}

func newFleet(prefix string, count int) *fleet {
	f := &fleet{nodes: make([]*simNode, count), byName: make(map[string]*simNode, count)}
	for i := range count {
		n := &simNode{index: i, name: prefix + strconv.Itoa(i), ip: nodeIP(i).String()}
		f.nodes[i], f.byName[n.name] = n, n
	}
	return f
}

// get finds a node by name; nil if it is not one of ours.
func (f *fleet) get(name string) *simNode { return f.byName[name] }

// lookup finds a node by name or by index.
func (f *fleet) lookup(ref string) (*simNode, error) {
	if n := f.byName[ref]; n != nil {
		return n, nil
	}
	if i, err := strconv.Atoi(strings.TrimSpace(ref)); err == nil && i >= 0 && i < len(f.nodes) {
		return f.nodes[i], nil
	}
	return nil, fmt.Errorf("no sim node %q", ref)
}

func nodeIP(i int) netip.Addr { return addOffset(nodeIPBase, uint32(i)+1) }

// fallbackPodCIDR is node i's own /24 when its Node has no spec.podCIDR.
func fallbackPodCIDR(i int) netip.Prefix {
	return netip.PrefixFrom(addOffset(podCIDRBase, uint32(i)<<(32-podCIDRWidth)), podCIDRWidth)
}

func addOffset(a netip.Addr, off uint32) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], addrValue(a)+off)
	return netip.AddrFrom4(b)
}

func addrValue(a netip.Addr) uint32 {
	b := a.As4()
	return binary.BigEndian.Uint32(b[:])
}
