package sim

import (
	"math/bits"
	"net/netip"
)

// maxPoolSize caps the addresses tracked per node: a node runs 110 pods by
// default, so a wider pod CIDR would only cost bitmap memory.
const maxPoolSize = 4096

// ipPool hands out pod IPs within one node's pod CIDR as a CNI's host-local
// IPAM does: round robin, so a freed address is not reused at once. The
// addresses in use are a bitmap (32 bytes for a /24), rebuilt after a
// restart from the pods' status.podIP, never kept elsewhere.
type ipPool struct {
	prefix netip.Prefix // zero until first use
	used   []uint64
	size   int // address i is network + 2 + i: .0 and the gateway .1 stay free
	next   int
}

// usablePodCIDR reports whether pods can get addresses from p.
func usablePodCIDR(p netip.Prefix) bool {
	return p.IsValid() && p.Addr().Is4() && p.Bits() <= 29
}

// use points the pool at prefix, forgetting what another range had taken.
func (p *ipPool) use(prefix netip.Prefix) {
	prefix = prefix.Masked()
	if p.prefix == prefix {
		return
	}
	p.prefix = prefix
	p.size = min(1<<(32-prefix.Bits())-3, maxPoolSize) // no broadcast either
	p.used = make([]uint64, (p.size+63)/64)
	p.next = 0
}

// take returns a free address, or false when the range is full.
func (p *ipPool) take() (netip.Addr, bool) {
	for range p.size {
		i := p.next
		p.next = (p.next + 1) % p.size
		if p.used[i/64]&(1<<(i%64)) == 0 {
			p.used[i/64] |= 1 << (i % 64)
			return addOffset(p.prefix.Addr(), uint32(i)+2), true
		}
	}
	return netip.Addr{}, false
}

// mark records an address as taken (a pod already running with it).
func (p *ipPool) mark(a netip.Addr) {
	if i, ok := p.offset(a); ok {
		p.used[i/64] |= 1 << (i % 64)
	}
}

// release frees an address; ones outside the range are ignored.
func (p *ipPool) release(a netip.Addr) {
	if i, ok := p.offset(a); ok {
		p.used[i/64] &^= 1 << (i % 64)
	}
}

// inUse counts the addresses taken, for tests and debugging.
func (p *ipPool) inUse() int {
	n := 0
	for _, w := range p.used {
		n += bits.OnesCount64(w)
	}
	return n
}

func (p *ipPool) offset(a netip.Addr) (int, bool) {
	if p.size == 0 || !a.Is4() || !p.prefix.Contains(a) {
		return 0, false
	}
	d := int(addrValue(a)) - int(addrValue(p.prefix.Addr())) - 2
	return d, d >= 0 && d < p.size
}
