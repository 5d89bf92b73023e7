package client_test

import (
	"bytes"
	"net/http"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestAnswersInTheTypeAsked: a client preferring protobuf (client-go's
// default, and kubus' own) gets protobuf; JSON and Table stay JSON.
func TestAnswersInTheTypeAsked(t *testing.T) {
	c := apiservertest.Start(t)
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "x", Namespace: "default"}, Data: map[string]string{"k": "v"}}
	if _, err := c.Client.Create(t.Context(), cm); err != nil {
		t.Fatal(err)
	}
	configMaps, _ := resources.Lookup("", "v1", "configmaps")
	for _, tt := range []struct{ accept, want string }{
		{"application/vnd.kubernetes.protobuf, application/json", "application/vnd.kubernetes.protobuf"},
		{"application/json", "application/json"},
		{"application/json;as=Table;v=v1;g=meta.k8s.io, application/json", "application/json"},
		{"application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io, application/json", "application/json"},
	} {
		resp, err := c.Client.Do(t.Context(), &kubusv1.APIRequest{Method: http.MethodGet, Path: client.Path(configMaps, "default", "x", ""), Accept: tt.accept})
		if err != nil {
			t.Fatal(err)
		}
		if resp.ContentType != tt.want {
			t.Errorf("Accept %q answered as %q, want %q", tt.accept, resp.ContentType, tt.want)
			continue
		}
		if tt.want != "application/vnd.kubernetes.protobuf" {
			continue
		}
		obj, err := configMaps.Decode(resp.Body)
		if got, ok := obj.(*corev1.ConfigMap); err != nil || !ok || got.Data["k"] != "v" || got.ResourceVersion == "" || !bytes.HasPrefix(resp.Body, []byte("k8s\x00")) {
			t.Errorf("protobuf answer decoded to %#v, %v", obj, err)
		}
	}
}
