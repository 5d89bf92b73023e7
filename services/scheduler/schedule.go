package scheduler

import (
	"context"
	"errors"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"

	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/services/scheduler/core"
)

// scheduleOne decides for one pod. A fit is assumed in the snapshot at
// once, before the binding is written, so the next decision already counts
// this pod's requests: several pods decided in a row never over-commit.
func (s *scheduler) scheduleOne(ctx context.Context, pod *corev1.Pod) {
	start := time.Now()
	node, err := s.snap.Schedule(pod)
	s.metrics.latency.Observe(time.Since(start).Seconds())
	var fit *core.FitError
	switch {
	case errors.As(err, &fit):
		s.metrics.attempts.WithLabelValues("unschedulable").Inc()
		s.queue.park(pod)
		s.status.unschedulable(pod, fit.Error())
		return
	case err != nil:
		logging.From(ctx).Error("scheduling failed", zap.String("pod", pod.Namespace+"/"+pod.Name), zap.Error(err))
		s.queue.park(pod)
		return
	}
	s.metrics.attempts.WithLabelValues("scheduled").Inc()
	assumed := pod.DeepCopy()
	assumed.Spec.NodeName = node
	s.snap.AddPod(assumed)
	s.assumed[keyOf(pod)] = node
	s.binder.submit(ctx, bindJob{pod: pod, node: node})
}

// bindFailed undoes an assumption whose binding was refused, and tries the
// pod again unless the refusal says it is bound or gone.
func (s *scheduler) bindFailed(r bindResult) {
	k := keyOf(r.job.pod)
	if _, ok := s.assumed[k]; !ok {
		return // the informer already showed what happened
	}
	delete(s.assumed, k)
	assumed := r.job.pod.DeepCopy()
	assumed.Spec.NodeName = r.job.node
	s.snap.RemovePod(assumed)
	if r.retry {
		s.queue.upsert(r.job.pod)
	}
}
