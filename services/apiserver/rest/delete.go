package rest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

func (h *Handler) delete(w http.ResponseWriter, r *http.Request, req request) error {
	opts, err := deleteOptions(r)
	if err != nil {
		return err
	}
	out, err := h.remove(r.Context(), req, opts)
	if err != nil {
		return err
	}
	writeObject(w, r, http.StatusOK, out)
	return nil
}

// remove deletes at once, or marks the object deleted when finalizers or a
// graceful pod shutdown on its node still have to run.
func (h *Handler) remove(ctx context.Context, req request, opts *metav1.DeleteOptions) (runtime.Object, error) {
	opts = withDefaultPropagation(req, opts)
	cur, err := h.cfg.Store.Get(ctx, req.res, req.namespace, req.name)
	if err != nil {
		return nil, err
	}
	if err := checkPreconditions(req, cur, opts); err != nil {
		return nil, err
	}
	if grace, ok := h.graceful(cur, opts); ok || propagationFinalizer(opts) != "" {
		return h.markDeleted(ctx, req, opts, grace)
	}
	out, err := h.cfg.Store.Delete(ctx, req.res, req.namespace, req.name, func(now runtime.Object) error {
		return checkPreconditions(req, now, opts)
	})
	if err == nil {
		h.release(ctx, out)
	}
	return out, err
}

// graceful reports whether deletion must wait, and the grace period.
func (h *Handler) graceful(obj runtime.Object, opts *metav1.DeleteOptions) (int64, bool) {
	m, _ := meta.Accessor(obj)
	if len(m.GetFinalizers()) > 0 {
		return 0, true
	}
	if ns, ok := obj.(*corev1.Namespace); ok {
		return 0, len(ns.Spec.Finalizers) > 0
	}
	pod, ok := obj.(*corev1.Pod)
	if !ok || pod.Spec.NodeName == "" || pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed {
		return 0, false
	}
	grace := int64(corev1.DefaultTerminationGracePeriodSeconds)
	if pod.Spec.TerminationGracePeriodSeconds != nil {
		grace = *pod.Spec.TerminationGracePeriodSeconds
	}
	if opts.GracePeriodSeconds != nil {
		grace = *opts.GracePeriodSeconds
	}
	return grace, grace > 0
}

// markDeleted sets deletionTimestamp (now + grace for pods) once; later
// requests may only shorten the grace period.
func (h *Handler) markDeleted(ctx context.Context, req request, opts *metav1.DeleteOptions, grace int64) (runtime.Object, error) {
	now := h.cfg.Clock()
	return h.cfg.Store.GuaranteedUpdate(ctx, req.res, req.namespace, req.name, func(cur runtime.Object) (runtime.Object, error) {
		if err := checkPreconditions(req, cur, opts); err != nil {
			return nil, err
		}
		m, _ := meta.Accessor(cur)
		if old := m.GetDeletionGracePeriodSeconds(); m.GetDeletionTimestamp() != nil && (old == nil || *old <= grace) {
			return cur, nil
		}
		ts := metav1.NewTime(now.Add(durationSeconds(grace)))
		m.SetDeletionTimestamp(&ts)
		m.SetDeletionGracePeriodSeconds(&grace)
		if f := propagationFinalizer(opts); f != "" && !slices.Contains(m.GetFinalizers(), f) {
			m.SetFinalizers(append(m.GetFinalizers(), f))
		}
		if ns, ok := cur.(*corev1.Namespace); ok {
			ns.Status.Phase = corev1.NamespaceTerminating
		}
		m.SetResourceVersion("")
		return cur, nil
	})
}

// withDefaultPropagation gives a delete that names no policy the one
// kube-apiserver defaults to: Orphan for v1 ReplicationControllers (kept
// for backward compatibility), Background, which needs no finalizer, for
// everything else. kubectl always names one.
func withDefaultPropagation(req request, opts *metav1.DeleteOptions) *metav1.DeleteOptions {
	if opts.PropagationPolicy != nil || opts.OrphanDependents != nil || req.res.Group != "" || req.res.Name != "replicationcontrollers" {
		return opts
	}
	out := *opts
	orphan := metav1.DeletePropagationOrphan
	out.PropagationPolicy = &orphan
	return &out
}

// propagationFinalizer is the finalizer that hands a Foreground or Orphan
// delete to the garbage collector, as kube-apiserver adds it.
func propagationFinalizer(opts *metav1.DeleteOptions) string {
	switch {
	case opts.PropagationPolicy != nil && *opts.PropagationPolicy == metav1.DeletePropagationForeground:
		return metav1.FinalizerDeleteDependents
	case opts.PropagationPolicy != nil && *opts.PropagationPolicy == metav1.DeletePropagationOrphan:
		return metav1.FinalizerOrphanDependents
	case opts.PropagationPolicy == nil && opts.OrphanDependents != nil && *opts.OrphanDependents:
		return metav1.FinalizerOrphanDependents
	}
	return ""
}

func checkPreconditions(req request, obj runtime.Object, opts *metav1.DeleteOptions) error {
	if opts.Preconditions == nil {
		return nil
	}
	m, _ := meta.Accessor(obj)
	p := opts.Preconditions
	if p.UID != nil && *p.UID != m.GetUID() {
		return apierrors.NewConflict(req.res.GroupResource(), req.name,
			fmt.Errorf("Precondition failed: UID in precondition: %v, UID in object meta: %v", *p.UID, m.GetUID()))
	}
	if p.ResourceVersion != nil && *p.ResourceVersion != m.GetResourceVersion() {
		return apierrors.NewConflict(req.res.GroupResource(), req.name,
			fmt.Errorf("Precondition failed: ResourceVersion in precondition: %v, ResourceVersion in object meta: %v", *p.ResourceVersion, m.GetResourceVersion()))
	}
	return nil
}

// sameUID guards a delete against the object having been replaced.
func sameUID(m metav1.Object) storage.Precondition {
	uid := m.GetUID()
	return func(cur runtime.Object) error {
		c, _ := meta.Accessor(cur)
		if c.GetUID() != uid {
			return apierrors.NewConflict(schemaGR(cur), c.GetName(), fmt.Errorf("object was replaced"))
		}
		return nil
	}
}

// deleteOptions reads DeleteOptions from the body and the query.
func deleteOptions(r *http.Request) (*metav1.DeleteOptions, error) {
	opts := &metav1.DeleteOptions{}
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	if len(body) > 0 && isProtobuf(r) {
		if _, _, err := protobufCodec.Decode(body, &deleteOptionsGVK, opts); err != nil {
			return nil, apierrors.NewBadRequest("invalid DeleteOptions: " + err.Error())
		}
	} else if len(body) > 0 {
		if err := json.Unmarshal(body, opts); err != nil {
			return nil, apierrors.NewBadRequest("invalid DeleteOptions: " + err.Error())
		}
	}
	if g := r.URL.Query().Get("gracePeriodSeconds"); g != "" {
		v, err := strconv.ParseInt(g, 10, 64)
		if err != nil {
			return nil, apierrors.NewBadRequest("invalid gracePeriodSeconds: " + g)
		}
		opts.GracePeriodSeconds = &v
	}
	if p := r.URL.Query().Get("propagationPolicy"); p != "" {
		pp := metav1.DeletionPropagation(p)
		opts.PropagationPolicy = &pp
	}
	return opts, nil
}
