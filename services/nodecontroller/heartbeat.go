package nodecontroller

import (
	"sync"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
)

// heartbeats remembers, per node, the last heartbeat seen and when this
// process saw it change. Staleness is judged by that local time, never by
// the kubelet's clock, so clock skew between machines cannot mark a live
// node dead. A new leader starts with none: every node gets a full grace
// period from when the leader first looks at it, as in Kubernetes.
type heartbeats struct {
	mu   sync.Mutex
	seen map[string]beat
}

type beat struct {
	signature string
	at        time.Time
}

func newHeartbeats() *heartbeats { return &heartbeats{seen: map[string]beat{}} }

// observe records node's current heartbeat signature at now and returns
// when it last changed.
func (h *heartbeats) observe(node, signature string, now time.Time) time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	b, ok := h.seen[node]
	if !ok || b.signature != signature {
		b = beat{signature: signature, at: now}
		h.seen[node] = b
	}
	return b.at
}

// forget drops a deleted node.
func (h *heartbeats) forget(node string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.seen, node)
}

// signature sums up what a kubelet changes when it is alive: its Lease's
// renewTime and its Ready condition's lastHeartbeatTime. The controller's
// own writes change neither (a Ready condition it adds has none).
func signature(node *corev1.Node, lease *coordinationv1.Lease) string {
	s := ""
	if lease != nil && lease.Spec.RenewTime != nil {
		s = lease.Spec.RenewTime.UTC().Format(time.RFC3339Nano)
	}
	if c := readyCondition(node.Status.Conditions); c != nil && !c.LastHeartbeatTime.IsZero() {
		s += "|" + c.LastHeartbeatTime.UTC().Format(time.RFC3339Nano)
	}
	return s
}
