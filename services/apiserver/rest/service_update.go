package rest

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/services/apiserver/storage"
)

// updateAllocated runs an update of one object. For a Service it also
// keeps the cluster-wide ranges right, as kube-apiserver does when a
// Service changes type or ports: node ports are taken for a type that
// needs them and freed for one that does not (preserveService clears
// them before validation), a newly named
// port or IP is reserved, and what the old object held and the new one
// does not is freed once the write has landed. A failed or retried
// attempt frees what it took.
func (h *Handler) updateAllocated(ctx context.Context, req request, fn storage.UpdateFunc) (runtime.Object, error) {
	if req.res.Group != "" || req.res.Name != "services" || req.sub != "" {
		return h.cfg.Store.GuaranteedUpdate(ctx, req.res, req.namespace, req.name, fn)
	}
	var taken []string // by the latest attempt
	var old *corev1.Service
	out, err := h.cfg.Store.GuaranteedUpdate(ctx, req.res, req.namespace, req.name, func(cur runtime.Object) (runtime.Object, error) {
		h.alloc.free(context.WithoutCancel(ctx), taken)
		taken = nil
		next, err := fn(cur)
		if err != nil {
			return nil, err
		}
		svc, ok := next.(*corev1.Service)
		if !ok {
			return next, nil
		}
		old = cur.(*corev1.Service)
		taken, err = h.alloc.reassign(ctx, svc, old)
		return svc, err
	})
	if err != nil {
		h.alloc.free(context.WithoutCancel(ctx), taken)
		return nil, err
	}
	if svc, ok := out.(*corev1.Service); ok && old != nil {
		h.alloc.free(context.WithoutCancel(ctx), released(heldKeys(old), heldKeys(svc)))
	}
	return out, nil
}

func needsNodePorts(svc *corev1.Service) bool {
	return svc.Spec.Type == corev1.ServiceTypeNodePort || svc.Spec.Type == corev1.ServiceTypeLoadBalancer
}

// released is what was held before and is not any more.
func released(before, after []string) []string {
	keep := map[string]bool{}
	for _, k := range after {
		keep[k] = true
	}
	var out []string
	for _, k := range before {
		if !keep[k] {
			out = append(out, k)
		}
	}
	return out
}
