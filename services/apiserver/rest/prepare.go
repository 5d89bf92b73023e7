package rest

import (
	"crypto/rand"
	"reflect"

	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/uuid"
	"k8s.io/apimachinery/pkg/util/validation/field"

	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/admission"
)

// prepareCreate sets what the server owns on a new object, defaults and
// validates it (kube-apiserver's PrepareForCreate, defaulting, Validate).
func (h *Handler) prepareCreate(req request, obj runtime.Object) error {
	m, err := meta.Accessor(obj)
	if err != nil {
		return err
	}
	if err := setNamespace(req, m); err != nil {
		return err
	}
	if m.GetName() == "" && m.GetGenerateName() != "" {
		m.SetName(m.GetGenerateName() + randomSuffix())
	}
	if m.GetResourceVersion() != "" {
		return apierrors.NewBadRequest("resourceVersion should not be set on objects to be created")
	}
	m.SetUID(types.UID(uuid.NewUUID()))
	m.SetCreationTimestamp(metav1.NewTime(h.cfg.Clock()))
	m.SetDeletionTimestamp(nil)
	m.SetDeletionGracePeriodSeconds(nil)
	m.SetGeneration(0)
	if req.res.Generation {
		m.SetGeneration(1)
	}
	resetStatus(req.res, obj)
	admission.Default(obj)
	return invalid(req.res, m.GetName(), admission.ValidateCreate(obj))
}

// prepareUpdate keeps what a client may not change and bumps generation
// when the spec changed.
func prepareUpdate(res resources.Resource, obj, old runtime.Object, sub string) error {
	m, _ := meta.Accessor(obj)
	o, _ := meta.Accessor(old)
	m.SetUID(o.GetUID())
	m.SetCreationTimestamp(o.GetCreationTimestamp())
	m.SetDeletionTimestamp(o.GetDeletionTimestamp())
	m.SetDeletionGracePeriodSeconds(o.GetDeletionGracePeriodSeconds())
	m.SetGeneration(o.GetGeneration())
	if res.HasSubresource("status") && sub == "" {
		setField(obj, "Status", fieldOf(old, "Status"))
	}
	preserve(obj, old, sub)
	if res.Generation && !apiequality.Semantic.DeepEqual(fieldOf(obj, "Spec"), fieldOf(old, "Spec")) {
		m.SetGeneration(o.GetGeneration() + 1)
	}
	admission.Default(obj)
	return invalid(res, m.GetName(), admission.ValidateUpdate(obj, old))
}

func setNamespace(req request, m metav1.Object) error {
	if !req.res.Namespaced {
		m.SetNamespace("")
		return nil
	}
	switch {
	case m.GetNamespace() == "":
		m.SetNamespace(req.namespace)
	case req.namespace != "" && m.GetNamespace() != req.namespace:
		return apierrors.NewBadRequest("the namespace of the provided object does not match the namespace sent on the request")
	}
	if m.GetNamespace() == "" {
		return apierrors.NewBadRequest("the namespace of the object is required")
	}
	return nil
}

// resetStatus drops a client's status on create, as Kubernetes does for
// kinds whose status is written through the status subresource.
func resetStatus(res resources.Resource, obj runtime.Object) {
	switch o := obj.(type) {
	case *corev1.Pod:
		o.Status = corev1.PodStatus{Phase: corev1.PodPending}
	case *corev1.Namespace:
		o.Status = corev1.NamespaceStatus{Phase: corev1.NamespaceActive}
	case *corev1.Node:
	default:
		if res.HasSubresource("status") {
			v := reflect.ValueOf(obj).Elem().FieldByName("Status")
			v.Set(reflect.Zero(v.Type()))
		}
	}
}

func invalid(res resources.Resource, name string, errs field.ErrorList) error {
	if len(errs) == 0 {
		return nil
	}
	return apierrors.NewInvalid(res.GVK().GroupKind(), name, errs)
}

// fieldOf and setField reach Spec and Status of any typed object.
func fieldOf(obj runtime.Object, name string) any {
	v := reflect.ValueOf(obj).Elem().FieldByName(name)
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

func setField(obj runtime.Object, name string, val any) {
	v := reflect.ValueOf(obj).Elem().FieldByName(name)
	if v.IsValid() && val != nil {
		v.Set(reflect.ValueOf(val))
	}
}

// randomSuffix is kube-apiserver's generateName suffix: five characters
// from an alphabet without vowels or look-alikes.
func randomSuffix() string {
	const alphabet = "bcdfghjklmnpqrstvwxz2456789"
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
