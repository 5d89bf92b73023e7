package sim

import (
	"context"
	"errors"
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// stopAtStart switches off the heartbeats --stopped names, before any
// heartbeat runs: those nodes register and then fall silent.
func (s *sim) stopAtStart(refs []string) error {
	for _, ref := range refs {
		n, err := s.fleet.lookup(ref)
		if err != nil {
			return fmt.Errorf("sim: --stopped: %w", err)
		}
		n.stopped.Store(true)
	}
	s.m.stopped.Set(float64(len(s.stoppedNames())))
	return nil
}

// targets are the nodes a command names.
func (s *sim) targets(cmd Command) ([]*simNode, error) {
	switch {
	case cmd.All && cmd.Node != "":
		return nil, errors.New(`give "node" or "all", not both`)
	case cmd.All:
		return s.fleet.nodes, nil
	case cmd.Node != "":
		n, err := s.fleet.lookup(cmd.Node)
		if err != nil {
			return nil, err
		}
		return []*simNode{n}, nil
	case cmd.Heartbeat != nil:
		return nil, errors.New(`say which nodes: "node" or "all"`)
	}
	return nil, nil
}

// resume brings nodes back as a restarted kubelet comes back: Lease and
// status (Ready again) at once, then the pod work they missed meanwhile.
func (s *sim) resume(ctx context.Context, nodes []*simNode) {
	back := make(map[*simNode]bool, len(nodes))
	for _, n := range nodes {
		back[n] = true
		s.beat(ctx, n, leaseJob)
		s.beat(ctx, n, statusJob)
	}
	s.sweep(func(n *simNode, pod *corev1.Pod) {
		if back[n] {
			s.enqueue(pod)
		}
	})
}

func (s *sim) stoppedNames() []string {
	var out []*simNode
	for _, n := range s.fleet.nodes {
		if n.stopped.Load() {
			out = append(out, n)
		}
	}
	return names(out)
}

func names(nodes []*simNode) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.name
	}
	return out
}
