package claim

import (
	"context"
	"encoding/json"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	utilerrors "k8s.io/apimachinery/pkg/util/errors"

	"github.com/kubus-dev/kubus/resources"
)

// API is what claiming needs of the API client.
type API interface {
	Get(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error)
	Patch(ctx context.Context, r resources.Resource, ns, name, sub string, pt types.PatchType, data []byte) (runtime.Object, error)
}

// Manager claims objects of Resource for Owner. Use one per reconcile: it
// checks the owner afresh at most once.
type Manager struct {
	Client        API
	Owner         metav1.Object
	OwnerGVK      schema.GroupVersionKind
	OwnerResource resources.Resource
	Selector      labels.Selector
	// Resource is what is claimed (pods, replicasets).
	Resource resources.Resource

	checked  bool
	checkErr error
}

// Claim returns the objects the owner controls once orphans are adopted
// and strays released. Failures are returned together; what could be
// claimed despite them is still returned.
func Claim[T metav1.Object](ctx context.Context, m *Manager, objs []T) ([]T, error) {
	var out []T
	var errs []error
	for _, o := range objs {
		ok, err := m.claim(ctx, o)
		if err != nil {
			errs = append(errs, err)
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, utilerrors.NewAggregate(errs)
}

func (m *Manager) claim(ctx context.Context, obj metav1.Object) (bool, error) {
	switch Decide(m.Owner, m.Selector, obj) {
	case Keep:
		return true, nil
	case Adopt:
		if err := m.canAdopt(ctx); err != nil {
			return false, err
		}
		err := m.patch(ctx, obj, m.adoptPatch(obj))
		return err == nil, ignoreGone(err)
	case Release:
		return false, ignoreGone(m.patch(ctx, obj, m.releasePatch(obj)))
	}
	return false, nil
}

// canAdopt reads the owner from the apiserver, not the informer, so an
// owner deleted or replaced a moment ago adopts nothing.
func (m *Manager) canAdopt(ctx context.Context) error {
	if m.checked {
		return m.checkErr
	}
	m.checked = true
	obj, err := m.Client.Get(ctx, m.OwnerResource, m.Owner.GetNamespace(), m.Owner.GetName())
	if err != nil {
		m.checkErr = err
		return err
	}
	fresh, _ := meta.Accessor(obj)
	switch {
	case fresh.GetUID() != m.Owner.GetUID():
		m.checkErr = fmt.Errorf("original %s %s/%s is gone: got uid %s, wanted %s", m.OwnerGVK.Kind, m.Owner.GetNamespace(), m.Owner.GetName(), fresh.GetUID(), m.Owner.GetUID())
	case fresh.GetDeletionTimestamp() != nil:
		m.checkErr = fmt.Errorf("%s %s/%s has just been deleted", m.OwnerGVK.Kind, m.Owner.GetNamespace(), m.Owner.GetName())
	}
	return m.checkErr
}

// adoptPatch adds the controller reference; ownerReferences merge by uid,
// so other owners stay.
func (m *Manager) adoptPatch(obj metav1.Object) map[string]any {
	ref := metav1.NewControllerRef(m.Owner, m.OwnerGVK)
	return patchRefs(obj, ref)
}

func (m *Manager) releasePatch(obj metav1.Object) map[string]any {
	return patchRefs(obj, map[string]any{"$patch": "delete", "uid": m.Owner.GetUID()})
}

func patchRefs(obj metav1.Object, ref any) map[string]any {
	return map[string]any{"metadata": map[string]any{"ownerReferences": []any{ref}, "uid": obj.GetUID()}}
}

func (m *Manager) patch(ctx context.Context, obj metav1.Object, p map[string]any) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = m.Client.Patch(ctx, m.Resource, obj.GetNamespace(), obj.GetName(), "", types.StrategicMergePatchType, data)
	return err
}

// ignoreGone: an object deleted meanwhile needs no claiming.
func ignoreGone(err error) error {
	if apierrors.IsNotFound(err) {
		return nil
	}
	return err
}
