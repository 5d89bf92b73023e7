package rest

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"

	jsonpatch "gopkg.in/evanphx/json-patch.v4"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
)

func (h *Handler) patch(w http.ResponseWriter, r *http.Request, req request) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == applyPatchType {
		return h.apply(w, r, req, body)
	}
	pt, err := patchType(r)
	if err != nil {
		return err
	}
	var warnings []string
	out, err := h.updateAllocated(r.Context(), req, func(cur runtime.Object) (runtime.Object, error) {
		next, warns, err := patched(r, req, cur, pt, body)
		if err != nil {
			return nil, err
		}
		warnings = warns
		if req.sub == "status" {
			next = withStatus(cur, next)
		}
		if err := prepareUpdate(req.res, next, cur, req.sub); err != nil {
			return nil, err
		}
		return track(r, req, cur, next)
	})
	if err != nil {
		return err
	}
	if out, err = h.finishDeletion(r.Context(), req, out); err != nil {
		return err
	}
	warn(w, warnings)
	writeObject(w, r, http.StatusOK, out)
	return nil
}

func patchType(r *http.Request) (types.PatchType, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch pt := types.PatchType(ct); pt {
	case types.JSONPatchType, types.MergePatchType, types.StrategicMergePatchType:
		return pt, nil
	}
	return "", apierrors.NewGenericServerResponse(http.StatusUnsupportedMediaType, "patch", resourceless, "",
		fmt.Sprintf("the body of the request was in an unknown format - accepted media types include: %s, %s, %s, %s",
			types.JSONPatchType, types.MergePatchType, types.StrategicMergePatchType, applyPatchType), 0, false)
}

// patched applies a patch to the JSON of cur and reads the result back.
func patched(r *http.Request, req request, cur runtime.Object, pt types.PatchType, patch []byte) (runtime.Object, []string, error) {
	var buf bytes.Buffer
	if err := encoder.Encode(cur, &buf); err != nil {
		return nil, nil, err
	}
	out, err := applyPatch(buf.Bytes(), patch, pt, cur)
	if err != nil {
		return nil, nil, err
	}
	obj, warnings, err := decodeObject(r, out, req.res, req.res.GVK())
	if err != nil {
		return nil, nil, err
	}
	return obj, warnings, checkIdentity(req, obj)
}

func applyPatch(orig, patch []byte, pt types.PatchType, schema runtime.Object) ([]byte, error) {
	var out []byte
	var err error
	switch pt {
	case types.JSONPatchType:
		var p jsonpatch.Patch
		if p, err = jsonpatch.DecodePatch(patch); err == nil {
			out, err = p.Apply(orig)
		}
	case types.MergePatchType:
		out, err = jsonpatch.MergePatch(orig, patch)
	case types.StrategicMergePatchType:
		out, err = strategicpatch.StrategicMergePatch(orig, patch, schema)
	}
	if err != nil {
		return nil, apierrors.NewBadRequest(fmt.Sprintf("the server rejected our request due to an error in our request: %v", err))
	}
	return out, nil
}
