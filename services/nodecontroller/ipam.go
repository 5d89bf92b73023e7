package nodecontroller

import (
	"context"
	"encoding/json"
	"sync"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/controller"
	"github.com/kubus-dev/kubus/internal/logging"
)

// ipam gives every node a spec.podCIDR from the cluster CIDR. Only the
// leader runs it, and it starts from the CIDRs the nodes already hold, so
// neither a restart nor a second copy hands one out twice; the node write
// is compare-and-set, so a node never gets two.
type ipam struct {
	client *client.Client
	nodes  *client.Informer

	mu    sync.Mutex
	alloc *allocator
}

// restore marks every CIDR a node holds as taken, before any allocation.
// It reads the nodes with a list through the apiserver, consistent with
// every write acknowledged before it: completeness matters more here than
// anywhere, and an informer just synced may still be handing its first
// listing to its handler.
func (p *ipam) restore(ctx context.Context) error {
	return p.client.ListPages(ctx, nodes, "", func(body []byte) error {
		var list corev1.NodeList
		if err := json.Unmarshal(body, &list); err != nil {
			return err
		}
		p.occupyAll(ctx, list.Items)
		return nil
	})
}

func (p *ipam) occupyAll(ctx context.Context, nodes []corev1.Node) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range nodes {
		node := &nodes[i]
		if cidrs := podCIDRs(node); len(cidrs) > 0 {
			if err := p.alloc.occupy(node.Name, cidrs[0]); err != nil {
				logging.From(ctx).Warn("node pod CIDR not restored", zap.String("node", node.Name), zap.Error(err))
			}
		}
	}
}

// Reconcile allocates for a node without a CIDR, records one that has its
// own, and releases the CIDR of a deleted node.
func (p *ipam) Reconcile(ctx context.Context, req controller.Request) (controller.Result, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	obj, ok := p.nodes.Get("", req.Name)
	if !ok {
		p.alloc.release(req.Name)
		return controller.Result{}, nil
	}
	node := obj.(*corev1.Node)
	if cidrs := podCIDRs(node); len(cidrs) > 0 {
		return controller.Result{}, p.alloc.occupy(node.Name, cidrs[0])
	}
	cidr, err := p.alloc.allocate(node.Name)
	if err != nil {
		return controller.Result{}, err
	}
	next := node.DeepCopy()
	next.Spec.PodCIDR, next.Spec.PodCIDRs = cidr.String(), []string{cidr.String()}
	// On failure the subnet stays held for this node name: the retry
	// writes the same one, and the node's deletion releases it.
	if _, err := p.client.Update(ctx, next); err != nil {
		return controller.Result{}, err
	}
	logging.From(ctx).Info("allocated node pod CIDR", zap.String("node", node.Name), zap.String("cidr", cidr.String()))
	return controller.Result{}, nil
}

// podCIDRs are the node's CIDRs, podCIDRs first (the single podCIDR is
// its first entry when both are set).
func podCIDRs(node *corev1.Node) []string {
	if len(node.Spec.PodCIDRs) > 0 {
		return node.Spec.PodCIDRs
	}
	if node.Spec.PodCIDR != "" {
		return []string{node.Spec.PodCIDR}
	}
	return nil
}
