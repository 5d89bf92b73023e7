package rest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"

	"github.com/kubus-dev/kubus/bus"
)

// allocator hands out service cluster IPs and node ports. Each one taken is
// a key created in the bucket, so several apiservers never hand out the same.
type allocator struct {
	kv           bus.KV
	base         netip.Prefix
	size         int
	portLo, port int
}

const (
	ipKeyPrefix   = "kubus.alloc.serviceip."
	portKeyPrefix = "kubus.alloc.nodeport."
)

func newAllocator(kv bus.KV, cidr, ports string) (*allocator, error) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() || p.Bits() > 28 {
		return nil, fmt.Errorf("service CIDR %q: want an IPv4 range of at least /28", cidr)
	}
	lo, hi, ok := strings.Cut(ports, "-")
	l, err1 := strconv.Atoi(lo)
	h, err2 := strconv.Atoi(hi)
	if !ok || err1 != nil || err2 != nil || l < 1 || h > 65535 || l > h {
		return nil, fmt.Errorf("node port range %q: want LOW-HIGH", ports)
	}
	return &allocator{kv: kv, base: p.Masked(), size: 1 << (32 - p.Bits()), portLo: l, port: h - l + 1}, nil
}

// assign fills in a new service's cluster IP and node ports; release
// undoes it.
func (a *allocator) assign(ctx context.Context, svc *corev1.Service) (func(), error) {
	keys, err := a.reassign(ctx, svc, &corev1.Service{}) // a new service holds nothing yet
	release := func() { a.free(context.WithoutCancel(ctx), keys) }
	if err != nil {
		release()
		return nil, err
	}
	return release, nil
}

func (a *allocator) takeIP(ctx context.Context, want string) (string, string, error) {
	if want != "" {
		ip, err := netip.ParseAddr(want)
		if err != nil || !a.base.Contains(ip) {
			return "", "", fmt.Errorf("provided IP is not in the valid range. The range of valid IPs is %s", a.base)
		}
		return want, ipKeyPrefix + dashed(want), a.reserve(ctx, ipKeyPrefix+dashed(want), "provided IP is already allocated")
	}
	start := 2 + rand.IntN(a.size-3) // .0 is the network, .1 the kubernetes service
	for i := range a.size - 3 {
		ip := a.nth(2 + (start-2+i)%(a.size-3))
		key := ipKeyPrefix + dashed(ip)
		if err := a.reserve(ctx, key, ""); err == nil {
			return ip, key, nil
		} else if !errors.Is(err, errTaken) {
			return "", "", err
		}
	}
	return "", "", errors.New("range is full")
}

func (a *allocator) takePort(ctx context.Context, want int) (int, string, error) {
	if want != 0 {
		key := portKeyPrefix + strconv.Itoa(want)
		if want < a.portLo || want >= a.portLo+a.port {
			return 0, "", fmt.Errorf("provided port is not in the valid range. The range of valid ports is %d-%d", a.portLo, a.portLo+a.port-1)
		}
		return want, key, a.reserve(ctx, key, "provided port is already allocated")
	}
	start := rand.IntN(a.port)
	for i := range a.port {
		p := a.portLo + (start+i)%a.port
		key := portKeyPrefix + strconv.Itoa(p)
		if err := a.reserve(ctx, key, ""); err == nil {
			return p, key, nil
		} else if !errors.Is(err, errTaken) {
			return 0, "", err
		}
	}
	return 0, "", errors.New("range is full")
}

var errTaken = errors.New("already allocated")

func (a *allocator) reserve(ctx context.Context, key, takenMsg string) error {
	_, err := a.kv.Create(ctx, key, []byte("1"))
	switch {
	case errors.Is(err, bus.ErrExists) && takenMsg != "":
		return errors.New(takenMsg)
	case errors.Is(err, bus.ErrExists):
		return errTaken
	}
	return err
}

func (a *allocator) free(ctx context.Context, keys []string) {
	for _, k := range keys {
		if e, err := a.kv.Get(ctx, k); err == nil {
			_, _ = a.kv.Delete(ctx, k, e.Revision, nil)
		}
	}
}

func (a *allocator) nth(n int) string {
	b := a.base.Addr().As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v += uint32(n)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String()
}

func dashed(ip string) string { return strings.ReplaceAll(ip, ".", "-") }

func invalidSvc(svc *corev1.Service, path string, val any, err error) error {
	if _, ok := err.(apierrors.APIStatus); ok {
		return err
	}
	return apierrors.NewInvalid(corev1.SchemeGroupVersion.WithKind("Service").GroupKind(), svc.Name,
		field.ErrorList{field.Invalid(field.NewPath(path), val, err.Error())})
}

// release frees what a deleted object held.
func (h *Handler) release(ctx context.Context, obj runtime.Object) {
	if svc, ok := obj.(*corev1.Service); ok {
		h.alloc.free(ctx, heldKeys(svc))
	}
}

// heldKeys are the allocation keys a stored Service holds.
func heldKeys(svc *corev1.Service) []string {
	var keys []string
	if svc.Spec.ClusterIP != "" && svc.Spec.ClusterIP != corev1.ClusterIPNone {
		keys = append(keys, ipKeyPrefix+dashed(svc.Spec.ClusterIP))
	}
	for _, p := range svc.Spec.Ports {
		if p.NodePort != 0 {
			keys = append(keys, portKeyPrefix+strconv.Itoa(int(p.NodePort)))
		}
	}
	return keys
}

// reassign reserves what an updated Service needs that old does not
// already hold, filling in node ports left 0; it returns the keys it took.
func (a *allocator) reassign(ctx context.Context, svc, old *corev1.Service) ([]string, error) {
	held := map[string]bool{}
	for _, k := range heldKeys(old) {
		held[k] = true
	}
	var keys []string
	ip := svc.Spec.ClusterIP
	if svc.Spec.Type != corev1.ServiceTypeExternalName && ip != corev1.ClusterIPNone && !held[ipKeyPrefix+dashed(ip)] {
		got, key, err := a.takeIP(ctx, ip)
		if err != nil {
			return keys, invalidSvc(svc, "spec.clusterIPs", ip, err)
		}
		keys = append(keys, key)
		svc.Spec.ClusterIP, svc.Spec.ClusterIPs = got, []string{got}
	}
	if !needsNodePorts(svc) {
		return keys, nil
	}
	for i := range svc.Spec.Ports {
		want := int(svc.Spec.Ports[i].NodePort)
		if want != 0 && held[portKeyPrefix+strconv.Itoa(want)] {
			continue
		}
		port, key, err := a.takePort(ctx, want)
		if err != nil {
			return keys, invalidSvc(svc, fmt.Sprintf("spec.ports[%d].nodePort", i), want, err)
		}
		keys = append(keys, key)
		svc.Spec.Ports[i].NodePort = int32(port)
	}
	return keys, nil
}
