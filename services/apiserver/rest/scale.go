package rest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"reflect"

	autoscalingv1 "k8s.io/api/autoscaling/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
)

// scale serves the autoscaling/v1 Scale view of a workload's replicas.
func (h *Handler) scale(w http.ResponseWriter, r *http.Request, req request) error {
	var change func(*autoscalingv1.Scale) (*autoscalingv1.Scale, error)
	switch req.verb {
	case "get":
		obj, err := h.cfg.Store.Get(r.Context(), req.res, req.namespace, req.name)
		if err != nil {
			return err
		}
		writeObject(w, r, http.StatusOK, toScale(obj))
		return nil
	case "update", "patch":
		body, err := readBody(r)
		if err != nil {
			return err
		}
		change = scaleChange(r, req, body)
	default:
		return methodNotAllowed(r.Method, req)
	}
	out, err := h.cfg.Store.GuaranteedUpdate(r.Context(), req.res, req.namespace, req.name, func(cur runtime.Object) (runtime.Object, error) {
		sc, err := change(toScale(cur))
		if err != nil {
			return nil, err
		}
		next := cur.DeepCopyObject()
		setReplicas(next, sc.Spec.Replicas)
		m, _ := meta.Accessor(next)
		m.SetResourceVersion(sc.ResourceVersion)
		return next, prepareUpdate(req.res, next, cur, "")
	})
	if err != nil {
		return err
	}
	writeObject(w, r, http.StatusOK, toScale(out))
	return nil
}

// scaleChange reads the new Scale from a PUT body or a patch of the current.
func scaleChange(r *http.Request, req request, body []byte) func(*autoscalingv1.Scale) (*autoscalingv1.Scale, error) {
	return func(cur *autoscalingv1.Scale) (*autoscalingv1.Scale, error) {
		data := body
		if req.verb == "patch" {
			pt, err := patchType(r)
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			_ = encoder.Encode(cur, &buf)
			if data, err = applyPatch(buf.Bytes(), body, pt, cur); err != nil {
				return nil, err
			}
		}
		var sc autoscalingv1.Scale
		if err := json.Unmarshal(data, &sc); err != nil {
			return nil, apierrors.NewBadRequest("invalid Scale: " + err.Error())
		}
		if sc.Spec.Replicas < 0 {
			return nil, apierrors.NewBadRequest("spec.replicas: must be greater than or equal to 0")
		}
		return &sc, nil
	}
}

func toScale(obj runtime.Object) *autoscalingv1.Scale {
	m, _ := meta.Accessor(obj)
	sc := &autoscalingv1.Scale{ObjectMeta: metav1.ObjectMeta{
		Name: m.GetName(), Namespace: m.GetNamespace(), UID: m.GetUID(),
		ResourceVersion: m.GetResourceVersion(), CreationTimestamp: m.GetCreationTimestamp(),
	}}
	sc.APIVersion, sc.Kind = "autoscaling/v1", "Scale"
	spec := reflect.ValueOf(obj).Elem().FieldByName("Spec")
	if rp, ok := spec.FieldByName("Replicas").Interface().(*int32); ok && rp != nil {
		sc.Spec.Replicas = *rp
	}
	status := reflect.ValueOf(obj).Elem().FieldByName("Status")
	sc.Status.Replicas = int32(status.FieldByName("Replicas").Int())
	sc.Status.Selector = selectorString(spec.FieldByName("Selector").Interface())
	return sc
}

func selectorString(sel any) string {
	switch s := sel.(type) {
	case *metav1.LabelSelector:
		if ls, err := metav1.LabelSelectorAsSelector(s); err == nil {
			return ls.String()
		}
	case map[string]string:
		return labels.SelectorFromSet(s).String()
	}
	return ""
}

func setReplicas(obj runtime.Object, n int32) {
	reflect.ValueOf(obj).Elem().FieldByName("Spec").FieldByName("Replicas").Set(reflect.ValueOf(&n))
}
