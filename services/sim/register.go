package sim

import (
	"context"
	"encoding/json"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// registerAll registers every node, MaxInFlight at a time, and returns once
// each has been tried. A node that failed is retried at its status turn.
func (s *sim) registerAll(ctx context.Context) {
	var wg sync.WaitGroup
	for _, n := range s.fleet.nodes {
		wg.Add(1)
		s.w.spawn(ctx, "node_register", func(ctx context.Context) error { return s.register(ctx, n) }, wg.Done)
	}
	wg.Wait()
}

// register creates node n with its status, or adopts it when an earlier
// run (or a kill -9) left it registered: safe to repeat, like kubelet's.
func (s *sim) register(ctx context.Context, n *simNode) error {
	cur := s.node(n.name)
	if cur == nil {
		out, err := s.api.Create(ctx, buildNode(&s.cfg, n, metav1.NewTime(s.cfg.Clock())))
		if err == nil {
			s.registered(n, out.(*corev1.Node).UID)
			return nil
		}
		if !apierrors.IsAlreadyExists(err) {
			return err
		}
		obj, err := s.api.Get(ctx, nodeRes, "", n.name)
		if err != nil {
			return err
		}
		cur = obj.(*corev1.Node)
	}
	return s.adopt(ctx, n, cur)
}

// adopt takes over an existing node: its labels are brought back in line
// and, unless its heartbeat is stopped or its status still fresh, it
// reports its status at once. Fresh statuses wait for their turn, so a
// restart of 5,000 nodes is not 5,000 writes at once.
func (s *sim) adopt(ctx context.Context, n *simNode, cur *corev1.Node) error {
	if err := s.patchLabels(ctx, n, cur); err != nil {
		return err
	}
	if !n.stopped.Load() && !s.fresh(cur) {
		if err := s.patchStatus(ctx, n, cur); err != nil {
			return err
		}
	}
	s.registered(n, cur.UID)
	return nil
}

// fresh reports whether cur says Ready from a heartbeat within one
// status period: what the sim would post now anyway.
func (s *sim) fresh(cur *corev1.Node) bool {
	c := findNodeCondition(cur, corev1.NodeReady)
	return c != nil && c.Status == corev1.ConditionTrue && s.cfg.Clock().Sub(c.LastHeartbeatTime.Time) < s.cfg.NodeStatusUpdateFrequency
}

func (s *sim) registered(n *simNode, uid types.UID) {
	if n.setUID(uid) {
		s.m.nodes.Inc()
	}
}

// patchLabels adds or corrects only the labels the sim owns, keeping any
// others (kubectl label) an operator added meanwhile.
func (s *sim) patchLabels(ctx context.Context, n *simNode, cur *corev1.Node) error {
	fix := map[string]string{}
	for k, v := range nodeLabels(&s.cfg, n) {
		if got, ok := cur.Labels[k]; !ok || got != v {
			fix[k] = v
		}
	}
	if len(fix) == 0 {
		return nil
	}
	body, _ := json.Marshal(map[string]any{"metadata": map[string]any{"labels": fix}})
	_, err := s.api.Patch(ctx, nodeRes, "", n.name, "", types.MergePatchType, body)
	return err
}

// report is a node's status turn: post the full status, or register the
// node if that has not worked yet.
func (s *sim) report(ctx context.Context, n *simNode) error {
	if uid, _ := n.registered(); uid == "" {
		return s.register(ctx, n)
	}
	return s.patchStatus(ctx, n, s.node(n.name))
}

// patchStatus posts the full node status through the status subresource,
// as kubelet does; prev (the informer's Node, may be nil) keeps condition
// transition times. With prev it is an Update over prev's revision, the
// cheapest write for the apiserver; without, or when prev is stale, a
// merge patch, which needs no revision.
func (s *sim) patchStatus(ctx context.Context, n *simNode, prev *corev1.Node) error {
	st := nodeStatus(&s.cfg, n, metav1.NewTime(s.cfg.Clock()), prev)
	if prev != nil {
		next := *prev // shallow: only Status differs, and the client never modifies what it sends
		next.Status = st
		if _, err := s.api.UpdateStatus(ctx, &next); !apierrors.IsConflict(err) {
			return err
		}
	}
	body, err := json.Marshal(map[string]any{"status": st})
	if err != nil {
		return err
	}
	_, err = s.api.Patch(ctx, nodeRes, "", n.name, "status", types.MergePatchType, body)
	return err
}
