package rest

import (
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/kubus-dev/kubus/resources"
)

// deleteOptionsGVK is how client-go labels DeleteOptions in protobuf.
var deleteOptionsGVK = schema.GroupVersionKind{Version: "v1", Kind: "DeleteOptions"}

func durationSeconds(s int64) time.Duration { return time.Duration(s) * time.Second }

// schemaGR names an object's resource for error messages.
func schemaGR(obj runtime.Object) schema.GroupResource {
	if r, ok := resources.ByKind(obj.GetObjectKind().GroupVersionKind()); ok {
		return r.GroupResource()
	}
	return schema.GroupResource{}
}

func isNotFound(err error) bool { return apierrors.IsNotFound(err) }
