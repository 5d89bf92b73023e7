package rest

import (
	"fmt"
	"net/http"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/kubus-dev/kubus/nodelogs"
)

func (h *Handler) logs(w http.ResponseWriter, r *http.Request, req request) error {
	obj, err := h.cfg.Store.Get(r.Context(), req.res, req.namespace, req.name)
	if err != nil {
		return err
	}
	pod := obj.(*corev1.Pod)
	lr, err := logRequest(r, pod)
	if err != nil {
		return err
	}
	if pod.Spec.NodeName == "" || h.cfg.Logs == nil {
		return apierrors.NewBadRequest(fmt.Sprintf("container %q in pod %q is waiting to start: ContainerCreating", lr.Container, pod.Name))
	}
	data, err := h.cfg.Logs.Logs(r.Context(), pod.Spec.NodeName, lr)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write(data)
	return nil
}

func logRequest(r *http.Request, pod *corev1.Pod) (nodelogs.Request, error) {
	q := r.URL.Query()
	lr := nodelogs.Request{Namespace: pod.Namespace, Pod: pod.Name, Container: q.Get("container"), Previous: q.Get("previous") == "true"}
	if lr.Container == "" {
		if len(pod.Spec.Containers) != 1 {
			return lr, apierrors.NewBadRequest(fmt.Sprintf("a container name must be specified for pod %s", pod.Name))
		}
		lr.Container = pod.Spec.Containers[0].Name
	}
	if t := q.Get("tailLines"); t != "" {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return lr, apierrors.NewBadRequest("invalid tailLines: " + t)
		}
		lr.TailLines = &n
	}
	return lr, nil
}
