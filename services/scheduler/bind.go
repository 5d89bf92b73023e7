package scheduler

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	"github.com/kubus-dev/kubus/internal/logging"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
)

type bindJob struct {
	pod  *corev1.Pod
	node string
	at   time.Time
}

type bindResult struct {
	job   bindJob
	retry bool
}

// binder writes bindings with a bounded number in flight, so the decision
// loop never waits for the apiserver.
type binder struct {
	client  *client.Client
	results *mailbox[bindResult]
	workers int
	metrics *metrics
	jobs    chan bindJob
}

// submit hands a binding to the workers; with all of them busy and the
// buffer full it waits, which slows decisions to the pace of bindings.
func (b *binder) submit(ctx context.Context, j bindJob) {
	j.at = time.Now()
	select {
	case b.jobs <- j:
	case <-ctx.Done():
	}
}

func (b *binder) run(ctx context.Context) {
	for range b.workers {
		go func() {
			for {
				select {
				case <-ctx.Done():
					return
				case j := <-b.jobs:
					b.bind(ctx, j)
				}
			}
		}()
	}
	<-ctx.Done()
}

// bind posts pods/<name>/binding. The apiserver refuses a second binding
// of one pod, so even two schedulers cannot bind a pod twice.
func (b *binder) bind(ctx context.Context, j bindJob) {
	binding := &corev1.Binding{ObjectMeta: metav1.ObjectMeta{Name: j.pod.Name, Namespace: j.pod.Namespace, UID: j.pod.UID},
		Target: corev1.ObjectReference{Kind: "Node", Name: j.node}}
	binding.APIVersion, binding.Kind = "v1", "Binding"
	body, _ := json.Marshal(binding)
	_, err := b.client.Do(ctx, &kubusv1.APIRequest{Method: http.MethodPost, Path: client.Path(podsRes, j.pod.Namespace, j.pod.Name, "binding"),
		ContentType: "application/json", Body: body})
	b.metrics.bindLatency.Observe(time.Since(j.at).Seconds())
	if err == nil {
		b.metrics.binds.WithLabelValues("bound").Inc()
		return
	}
	b.metrics.binds.WithLabelValues("error").Inc()
	retry := !apierrors.IsConflict(err) && !apierrors.IsNotFound(err)
	if ctx.Err() == nil {
		logging.From(ctx).Info("binding failed", zap.String("pod", j.pod.Namespace+"/"+j.pod.Name), zap.String("node", j.node), zap.Error(err))
	}
	b.results.post(bindResult{job: j, retry: retry})
}
