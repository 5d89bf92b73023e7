// Package admission implements the server-side defaulting and validation that
// kube-apiserver applies to typed objects before they are stored.
//
// Default mirrors the SetDefaults_* functions of the v1 external types (plus the
// few mutating admission plugins whose effects every user sees, such as
// DefaultTolerationSeconds and Priority). ValidateCreate and ValidateUpdate
// mirror the per-kind validation of pkg/apis/*/validation, returning field
// errors whose paths and messages match the ones kubectl users know.
package admission

import (
	appsv1 "k8s.io/api/apps/v1"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Default fills defaults like kube-apiserver's SetDefaults_* functions, in place.
// Objects of unknown types are left untouched.
func Default(obj runtime.Object) {
	if isNil(obj) {
		return
	}
	switch o := obj.(type) {
	case *corev1.Namespace:
		defaultNamespace(o)
	case *corev1.Node:
		defaultNode(o)
	case *corev1.Pod:
		defaultPod(o)
	case *corev1.Service:
		defaultService(o)
	case *corev1.Endpoints:
		defaultEndpoints(o)
	case *corev1.Secret:
		defaultSecret(o)
	case *corev1.ReplicationController:
		defaultReplicationController(o)
	case *appsv1.ReplicaSet:
		defaultReplicaSet(o)
	case *appsv1.Deployment:
		defaultDeployment(o)
	case *discoveryv1.EndpointSlice:
		defaultEndpointSlice(o)
	}
}

// ValidateCreate validates an already defaulted object about to be created.
// Objects of unknown types get metadata validation only.
func ValidateCreate(obj runtime.Object) field.ErrorList {
	if isNil(obj) {
		return nilObjectError()
	}
	switch o := obj.(type) {
	case *corev1.Namespace:
		return validateNamespace(o)
	case *corev1.Node:
		return validateNode(o)
	case *corev1.Pod:
		return validatePod(o)
	case *corev1.Service:
		return validateService(o)
	case *corev1.Endpoints:
		return validateEndpoints(o)
	case *corev1.ConfigMap:
		return validateConfigMap(o)
	case *corev1.Secret:
		return validateSecret(o)
	case *corev1.ServiceAccount:
		return validateServiceAccount(o)
	case *corev1.Event:
		return validateEvent(o)
	case *corev1.ReplicationController:
		return validateReplicationController(o)
	case *appsv1.ReplicaSet:
		return validateReplicaSet(o)
	case *appsv1.Deployment:
		return validateDeployment(o)
	case *coordinationv1.Lease:
		return validateLease(o)
	case *discoveryv1.EndpointSlice:
		return validateEndpointSlice(o)
	}
	return validateUnknown(obj)
}

// ValidateUpdate validates an already defaulted object replacing old.
// Both objects must be of the same type.
func ValidateUpdate(obj, old runtime.Object) field.ErrorList {
	if isNil(obj) || isNil(old) {
		return nilObjectError()
	}
	switch o := obj.(type) {
	case *corev1.Namespace:
		return withOld(o, old, validateNamespaceUpdate)
	case *corev1.Node:
		return withOld(o, old, validateNodeUpdate)
	case *corev1.Pod:
		return withOld(o, old, validatePodUpdate)
	case *corev1.Service:
		return withOld(o, old, validateServiceUpdate)
	case *corev1.Endpoints:
		return withOld(o, old, validateEndpointsUpdate)
	case *corev1.ConfigMap:
		return withOld(o, old, validateConfigMapUpdate)
	case *corev1.Secret:
		return withOld(o, old, validateSecretUpdate)
	case *corev1.ServiceAccount:
		return withOld(o, old, validateServiceAccountUpdate)
	case *corev1.Event:
		return withOld(o, old, validateEventUpdate)
	case *corev1.ReplicationController:
		return withOld(o, old, validateReplicationControllerUpdate)
	case *appsv1.ReplicaSet:
		return withOld(o, old, validateReplicaSetUpdate)
	case *appsv1.Deployment:
		return withOld(o, old, validateDeploymentUpdate)
	case *coordinationv1.Lease:
		return withOld(o, old, validateLeaseUpdate)
	case *discoveryv1.EndpointSlice:
		return withOld(o, old, validateEndpointSliceUpdate)
	}
	return validateUnknownUpdate(obj, old)
}
