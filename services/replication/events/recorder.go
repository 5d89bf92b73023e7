// Package events records core/v1 Events for the controllers the way
// client-go's legacy recorder does: named <object>.<hex nanoseconds>, with
// source.component, the involved object's reference and uid, and
// count/firstTimestamp/lastTimestamp. Repeats are counted on one Event,
// similar ones combined, and a burst per object capped, so a controller
// creating a thousand pods writes a few dozen Events, not a thousand.
package events

import (
	"context"
	"fmt"
	"time"

	"go.uber.org/zap"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubus-dev/kubus/internal/logging"
)

// Writer is the part of the API client the recorder writes with.
type Writer interface {
	Create(ctx context.Context, obj runtime.Object) (runtime.Object, error)
	Update(ctx context.Context, obj runtime.Object) (runtime.Object, error)
}

// Config configures a Recorder.
type Config struct {
	Client Writer
	// Component is the Events' source.component, e.g. "replicaset-controller".
	Component string
	Clock     func() time.Time
}

// Recorder queues Events and writes them in the background, so recording
// never slows a reconcile; when the queue is full, Events are dropped.
type Recorder struct {
	cfg   Config
	queue chan *corev1.Event
	corr  *correlator
}

// New returns a Recorder; Run writes what it records.
func New(cfg Config) *Recorder {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	return &Recorder{cfg: cfg, queue: make(chan *corev1.Event, 1000), corr: newCorrelator(cfg.Clock)}
}

// Ref is the reference to m, of kind gvk, that an Event involves.
func Ref(gvk schema.GroupVersionKind, m metav1.Object) corev1.ObjectReference {
	return corev1.ObjectReference{
		APIVersion: gvk.GroupVersion().String(), Kind: gvk.Kind, Namespace: m.GetNamespace(),
		Name: m.GetName(), UID: m.GetUID(), ResourceVersion: m.GetResourceVersion(),
	}
}

// Eventf records an Event of eventType (Normal or Warning) about ref.
func (r *Recorder) Eventf(ref corev1.ObjectReference, eventType, reason, format string, args ...any) {
	now := metav1.NewTime(r.cfg.Clock())
	ev := &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("%v.%x", ref.Name, now.UnixNano()), Namespace: ref.Namespace},
		InvolvedObject: ref, Reason: reason, Message: fmt.Sprintf(format, args...), Type: eventType,
		FirstTimestamp: now, LastTimestamp: now, Count: 1,
		Source: corev1.EventSource{Component: r.cfg.Component}, ReportingController: r.cfg.Component,
	}
	if ev.Namespace == "" {
		ev.Namespace = metav1.NamespaceDefault
	}
	select {
	case r.queue <- ev:
	default:
	}
}

// Run writes recorded Events until ctx ends.
func (r *Recorder) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-r.queue:
			r.write(ctx, ev)
		}
	}
}

// write creates the Event, or updates the one it repeats.
func (r *Recorder) write(ctx context.Context, ev *corev1.Event) {
	out, update, ok := r.corr.correlate(ev)
	if !ok {
		return
	}
	var err error
	if update {
		_, err = r.cfg.Client.Update(ctx, out)
	}
	if !update || apierrors.IsNotFound(err) {
		out.ResourceVersion = ""
		_, err = r.cfg.Client.Create(ctx, out)
	}
	if err != nil && ctx.Err() == nil {
		logging.From(ctx).Debug("event not written", zap.String("reason", ev.Reason), zap.String("object", ev.InvolvedObject.Name), zap.Error(err))
	}
}
