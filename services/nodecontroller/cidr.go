package nodecontroller

import (
	"errors"
	"fmt"
	"math/big"
	"net/netip"
)

// maxSubnetBits caps the subnets of one cluster CIDR at 65536, as
// kube-controller-manager does, so the table stays small.
const maxSubnetBits = 16

var errCIDRsExhausted = errors.New("no pod CIDR left in the cluster CIDR")

// allocator hands out the node-sized subnets of the cluster CIDR, at most
// one per node name. It is rebuilt from the nodes' spec.podCIDR on every
// start, so it never needs to be persisted.
type allocator struct {
	base  netip.Prefix
	mask  int
	owner []string // node name by subnet index; "" is free
	held  map[string]int
	next  int // the search starts after the last allocation, so a freed subnet is reused last
}

func newAllocator(cidr string, mask int) (*allocator, error) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return nil, fmt.Errorf("cluster CIDR: %w", err)
	}
	p = p.Masked()
	if mask <= p.Bits() || mask > p.Addr().BitLen() || mask-p.Bits() > maxSubnetBits {
		return nil, fmt.Errorf("node CIDR mask size %d must be longer than /%d, at most /%d and at most %d bits longer", mask, p.Bits(), p.Addr().BitLen(), maxSubnetBits)
	}
	return &allocator{base: p, mask: mask, owner: make([]string, 1<<(mask-p.Bits())), held: map[string]int{}}, nil
}

// allocate returns node's subnet, taking a free one if it has none.
func (a *allocator) allocate(node string) (netip.Prefix, error) {
	if i, ok := a.held[node]; ok {
		return a.subnet(i), nil
	}
	for n := range a.owner {
		i := (a.next + n) % len(a.owner)
		if a.owner[i] == "" {
			a.take(node, i)
			a.next = i + 1
			return a.subnet(i), nil
		}
	}
	return netip.Prefix{}, errCIDRsExhausted
}

// occupy records that node already has cidr. A CIDR outside the cluster
// CIDR is not ours to track; one held by another node is an error.
func (a *allocator) occupy(node, cidr string) error {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return err
	}
	i, ok := a.index(p)
	if !ok {
		return nil
	}
	if o := a.owner[i]; o != "" && o != node {
		return fmt.Errorf("pod CIDR %s of node %s is also node %s's", cidr, node, o)
	}
	a.release(node)
	a.take(node, i)
	return nil
}

// release frees node's subnet, if it holds one.
func (a *allocator) release(node string) {
	if i, ok := a.held[node]; ok {
		a.owner[i] = ""
		delete(a.held, node)
	}
}

func (a *allocator) take(node string, i int) {
	a.owner[i] = node
	a.held[node] = i
}

// subnet is the i-th node-sized subnet of the cluster CIDR.
func (a *allocator) subnet(i int) netip.Prefix {
	n := new(big.Int).Lsh(big.NewInt(int64(i)), uint(a.base.Addr().BitLen()-a.mask))
	n.Add(n, new(big.Int).SetBytes(a.base.Addr().AsSlice()))
	addr, _ := netip.AddrFromSlice(n.FillBytes(make([]byte, a.base.Addr().BitLen()/8)))
	return netip.PrefixFrom(addr, a.mask)
}

// index is p's position in the cluster CIDR, if p is one of its subnets.
func (a *allocator) index(p netip.Prefix) (int, bool) {
	if p.Bits() != a.mask || p.Masked() != p || !a.base.Contains(p.Addr()) || p.Addr().Is4() != a.base.Addr().Is4() {
		return 0, false
	}
	n := new(big.Int).SetBytes(p.Addr().AsSlice())
	n.Sub(n, new(big.Int).SetBytes(a.base.Addr().AsSlice()))
	return int(n.Rsh(n, uint(a.base.Addr().BitLen()-a.mask)).Int64()), true
}
