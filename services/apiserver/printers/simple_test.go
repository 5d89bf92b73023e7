package printers

import (
	"testing"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestNamespaceRows(t *testing.T) {
	active := &corev1.Namespace{ObjectMeta: objMeta("kube-system", 30*24*time.Hour), Status: corev1.NamespaceStatus{Phase: corev1.NamespaceActive}}
	gone := &corev1.Namespace{ObjectMeta: objMeta("old", 90*time.Second), Status: corev1.NamespaceStatus{Phase: corev1.NamespaceTerminating}}
	checkRows(t, schema.GroupResource{Resource: "namespaces"}, []rowCase{
		{"active", active, []interface{}{"kube-system", "Active", "30d"}},
		{"terminating", gone, []interface{}{"old", "Terminating", "90s"}},
	})
}

func TestConfigMapRows(t *testing.T) {
	cm := &corev1.ConfigMap{ObjectMeta: objMeta("kube-root-ca.crt", 400*24*time.Hour),
		Data: map[string]string{"ca.crt": "...", "extra": ""}, BinaryData: map[string][]byte{"logo.png": {1}}}
	checkRows(t, schema.GroupResource{Resource: "configmaps"}, []rowCase{
		{"data and binary", cm, []interface{}{"kube-root-ca.crt", int64(3), "400d"}},
		{"empty", &corev1.ConfigMap{ObjectMeta: objMeta("e", time.Second)}, []interface{}{"e", int64(0), "1s"}},
	})
}

func TestSecretRows(t *testing.T) {
	tls := &corev1.Secret{ObjectMeta: objMeta("web-tls", 2*24*time.Hour), Type: corev1.SecretTypeTLS,
		Data: map[string][]byte{"tls.crt": {1}, "tls.key": {2}}}
	opaque := &corev1.Secret{ObjectMeta: objMeta("creds", 7*time.Minute), Type: corev1.SecretTypeOpaque,
		Data: map[string][]byte{"user": {1}}, StringData: map[string]string{"user": "x", "password": "y"}}
	checkRows(t, schema.GroupResource{Resource: "secrets"}, []rowCase{
		{"tls", tls, []interface{}{"web-tls", "kubernetes.io/tls", int64(2), "2d"}},
		{"string data merged", opaque, []interface{}{"creds", "Opaque", int64(2), "7m"}},
	})
}

func TestServiceAccountRows(t *testing.T) {
	sa := &corev1.ServiceAccount{ObjectMeta: objMeta("default", 5*24*time.Hour),
		Secrets: []corev1.ObjectReference{{Name: "default-token"}}}
	checkRows(t, schema.GroupResource{Resource: "serviceaccounts"}, []rowCase{
		{"default", sa, []interface{}{"default", "5d"}},
	})
}

func TestLeaseRows(t *testing.T) {
	held := &coordinationv1.Lease{ObjectMeta: objMeta("kube-scheduler", 6*time.Hour),
		Spec: coordinationv1.LeaseSpec{HolderIdentity: ptr("cp-1_4f1c7a")}}
	free := &coordinationv1.Lease{ObjectMeta: objMeta("free", 6*time.Hour)}
	checkRows(t, schema.GroupResource{Group: "coordination.k8s.io", Resource: "leases"}, []rowCase{
		{"held", held, []interface{}{"kube-scheduler", "cp-1_4f1c7a", "6h"}},
		{"free", free, []interface{}{"free", "", "6h"}},
	})
}
