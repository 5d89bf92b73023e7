package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"net/netip"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/kubus-dev/kubus/controller"
)

// Reconcile does what a pod's kubelet owes it, judged from the pod as the
// informer has it now. A stopped node does nothing, like a dead kubelet;
// its pods are queued again when it resumes.
func (s *sim) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	obj, ok := s.pods.Get(req.Namespace, req.Name)
	if !ok || ctx.Err() != nil { // on shutdown the queue drains: let it, quietly
		return controller.Result{}, nil
	}
	pod := obj.(*corev1.Pod)
	n := s.fleet.get(pod.Spec.NodeName)
	if n == nil || n.stopped.Load() {
		return controller.Result{}, nil
	}
	release, err := s.admit(ctx)
	if err != nil {
		return controller.Result{}, nil // only ctx ends a wait: shutting down
	}
	defer release()
	return controller.Result{}, s.act(ctx, n, pod)
}

// act makes the one write the pod is owed, if any.
func (s *sim) act(ctx context.Context, n *simNode, pod *corev1.Pod) error {
	var err error
	switch podAction(pod) {
	case actStart:
		err = s.w.do(ctx, "pod_status", func(ctx context.Context) error { return s.startPod(ctx, n, pod) })
	case actDelete:
		err = s.w.do(ctx, "pod_delete", func(ctx context.Context) error { return s.finishPod(ctx, pod) })
	}
	if apierrors.IsNotFound(err) || apierrors.IsConflict(err) || ctx.Err() != nil {
		return nil // gone or replaced (the new pod has its own events), or shutting down
	}
	return err
}

// startPod reports the pod Running through the status subresource, with
// an address from its node's range (the node's own, for hostNetwork).
func (s *sim) startPod(ctx context.Context, n *simNode, pod *corev1.Pod) error {
	ip, fresh, err := s.assignIP(n, pod)
	if err != nil {
		return err
	}
	st := podStatus(pod, ip.String(), n.ip, metav1.NewTime(s.cfg.Clock()))
	body, err := json.Marshal(map[string]any{"status": st})
	if err == nil {
		_, err = s.api.Patch(ctx, podRes, pod.Namespace, pod.Name, "status", types.MergePatchType, body)
	}
	if err != nil && fresh {
		s.moveIP(n, ip, netip.Addr{}) // the pod's echo marks it again if the write did land
	}
	return err
}

// finishPod removes a terminating pod with grace 0, as kubelet does once
// its containers stopped; the UID precondition spares a pod recreated
// under the same name.
func (s *sim) finishPod(ctx context.Context, pod *corev1.Pod) error {
	zero, uid := int64(0), pod.UID
	return s.api.Delete(ctx, podRes, pod.Namespace, pod.Name,
		&metav1.DeleteOptions{GracePeriodSeconds: &zero, Preconditions: &metav1.Preconditions{UID: &uid}})
}

// assignIP picks the pod's address; fresh says it was newly taken.
func (s *sim) assignIP(n *simNode, pod *corev1.Pod) (ip netip.Addr, fresh bool, err error) {
	if pod.Spec.HostNetwork {
		return netip.MustParseAddr(n.ip), false, nil
	}
	if ip := podIP(pod); ip.IsValid() {
		return ip, false, nil // a restarted sim keeps an address it already gave
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	n.ips.use(s.podCIDR(n))
	ip, ok := n.ips.take()
	if !ok {
		return ip, false, fmt.Errorf("node %s: pod CIDR %s is full", n.name, n.ips.prefix)
	}
	return ip, true, nil
}

// moveIP records that a pod of n gave up before and holds after (either
// may be invalid); addresses outside the node's range are ignored.
func (s *sim) moveIP(n *simNode, before, after netip.Addr) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.ips.use(s.podCIDR(n))
	if before.IsValid() {
		n.ips.release(before)
	}
	if after.IsValid() {
		n.ips.mark(after)
	}
}

// podCIDR is the node's spec.podCIDR when an IPAM controller set one, else
// the node's own range from the address plan.
func (s *sim) podCIDR(n *simNode) netip.Prefix {
	if node := s.node(n.name); node != nil && node.Spec.PodCIDR != "" {
		if p, err := netip.ParsePrefix(node.Spec.PodCIDR); err == nil && usablePodCIDR(p) {
			return p
		}
	}
	return fallbackPodCIDR(n.index)
}
