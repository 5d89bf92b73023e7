package rest

import (
	"fmt"
	"net/url"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/resources"
)

type runtimeObject = runtime.Object

// filterFor builds the labelSelector and fieldSelector filter of a request;
// nil means everything matches.
func filterFor(res resources.Resource, q url.Values, namespace string) (func(runtime.Object) bool, error) {
	ls, err := labels.Parse(q.Get("labelSelector"))
	if err != nil {
		return nil, apierrors.NewBadRequest(fmt.Sprintf("unable to parse requirement: %v", err))
	}
	fs, err := fields.ParseSelector(q.Get("fieldSelector"))
	if err != nil {
		return nil, apierrors.NewBadRequest(fmt.Sprintf("invalid field selector: %v", err))
	}
	fs, err = fs.Transform(func(f, v string) (string, string, error) {
		if !fieldSupported(res, f) {
			return "", "", apierrors.NewBadRequest(fmt.Sprintf("field label not supported: %s", f))
		}
		return f, v, nil
	})
	if err != nil {
		return nil, err
	}
	if ls.Empty() && fs.Empty() {
		return nil, nil
	}
	return func(obj runtime.Object) bool {
		m, err := meta.Accessor(obj)
		if err != nil || !ls.Matches(labels.Set(m.GetLabels())) {
			return false
		}
		return fs.Empty() || fs.Matches(fieldSet(obj))
	}, nil
}
