package sim

import (
	"context"
	"math"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
)

// buildLease is node n's Lease in kube-node-lease renewed at now, owned
// by its Node so that deleting the Node removes it, as kubelet writes it.
// rv is the revision it replaces ("" to create).
func buildLease(cfg *Config, n *simNode, uid types.UID, rv string, now time.Time) *coordinationv1.Lease {
	secs := int32(max(1, math.Ceil(cfg.LeaseDuration.Seconds())))
	holder := n.name
	return &coordinationv1.Lease{
		ObjectMeta: metav1.ObjectMeta{
			Name: n.name, Namespace: corev1.NamespaceNodeLease, ResourceVersion: rv,
			OwnerReferences: []metav1.OwnerReference{{APIVersion: "v1", Kind: "Node", Name: n.name, UID: uid}},
		},
		Spec: coordinationv1.LeaseSpec{
			HolderIdentity:       &holder,
			LeaseDurationSeconds: &secs,
			RenewTime:            &metav1.MicroTime{Time: now},
		},
	}
}

// renew writes node n's Lease as kubelet's lease controller does: an
// Update over the revision it last wrote, so a renewal is one write. With
// that revision unknown (a restart) or stale, the Update is unconditional
// (no one else writes a node's Lease); a missing Lease is created. A node
// not registered yet has no Lease: its status turn registers it first.
func (s *sim) renew(ctx context.Context, n *simNode) error {
	uid, rv := n.registered()
	if uid == "" {
		return nil
	}
	err := s.writeLease(ctx, n, uid, rv)
	if rv != "" && apierrors.IsConflict(err) {
		err = s.writeLease(ctx, n, uid, "")
	}
	return err
}

func (s *sim) writeLease(ctx context.Context, n *simNode, uid types.UID, rv string) error {
	obj, err := s.api.Update(ctx, buildLease(&s.cfg, n, uid, rv, s.cfg.Clock()))
	if apierrors.IsNotFound(err) {
		obj, err = s.api.Create(ctx, buildLease(&s.cfg, n, uid, "", s.cfg.Clock()))
	}
	return n.keepLease(obj, err)
}

// keepLease remembers the revision just written, or forgets it on failure
// so the next turn writes unconditionally.
func (n *simNode) keepLease(obj runtime.Object, err error) error {
	rv := ""
	if err == nil {
		rv = revision(obj)
	}
	n.setLeaseRV(rv)
	return err
}

func revision(obj runtime.Object) string {
	m, err := meta.Accessor(obj)
	if err != nil {
		return ""
	}
	return m.GetResourceVersion()
}
