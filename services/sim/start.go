package sim

import (
	"context"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/internal/logging"
)

// start brings the sim up in kubelet order: the nodes known, the nodes
// registered and heartbeating, then every pod seen by onPod (its IP
// marked, its work queued) before any pod work runs, so a restart
// reuses no address in use.
func (s *sim) start(ctx context.Context, spawn func(func(context.Context) error)) error {
	log := logging.From(ctx)
	if err := s.nodes.WaitSynced(ctx); err != nil {
		return err
	}
	s.registerAll(ctx)
	log.Info("sim nodes registered", zap.Int("nodes", len(s.fleet.nodes)), zap.Int("stopped", len(s.stoppedNames())))
	spawn(s.heartbeats)
	spawn(s.serveControl)
	spawn(s.commands)
	spawn(s.pods.Run)
	if err := s.pods.WaitSynced(ctx); err != nil { // onPod has seen every pod by now
		return err
	}
	spawn(s.ctrl.Run)
	spawn(s.serveLogs)
	s.setReady(nil)
	log.Info("sim ready", zap.String("control", ControlSubject(s.cfg.NamePrefix)))
	return nil
}

// node is a Node as the informer has it (shared: do not modify), or nil.
func (s *sim) node(name string) *corev1.Node {
	obj, ok := s.nodes.Get("", name)
	if !ok {
		return nil
	}
	n, _ := obj.(*corev1.Node)
	return n
}
