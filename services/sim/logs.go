package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/nodelogs"
)

// serveLogs answers `kubectl logs` for pods on this sim's nodes until ctx
// ends. A simulated container writes nothing of its own, so its log is
// one line saying what it plays. Requests for other nodes' pods, and for
// nodes whose heartbeat is stopped (a dead kubelet), get no answer.
func (s *sim) serveLogs(ctx context.Context) error {
	return s.conn.Serve(ctx, nodelogs.AnySubject, "", func(_ context.Context, data []byte) []byte {
		var req nodelogs.Request
		if json.Unmarshal(data, &req) != nil {
			return nil
		}
		obj, ok := s.pods.Get(req.Namespace, req.Pod)
		if !ok {
			return nil
		}
		pod := obj.(*corev1.Pod)
		if n := s.fleet.get(pod.Spec.NodeName); n == nil || n.stopped.Load() {
			return nil
		}
		return []byte(simulatedLog(pod, req))
	})
}

// simulatedLog is the log of req's container: a line once it has started,
// nothing before, nothing from a previous instance (there is none).
func simulatedLog(pod *corev1.Pod, req nodelogs.Request) string {
	if req.Previous || (req.TailLines != nil && *req.TailLines <= 0) {
		return ""
	}
	for _, cs := range pod.Status.ContainerStatuses {
		if cs.Name == req.Container && cs.State.Running != nil {
			return fmt.Sprintf("%s kubus sim: container %s (%s) of pod %s/%s running on simulated node %s\n",
				cs.State.Running.StartedAt.UTC().Format(time.RFC3339), cs.Name, cs.Image, pod.Namespace, pod.Name, pod.Spec.NodeName)
		}
	}
	return ""
}
