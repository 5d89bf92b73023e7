package e2e

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestDeletionSemantics checks graceful pod deletion, finalizers and
// generateName as a Kubernetes user sees them.
func TestDeletionSemantics(t *testing.T) {
	s := cluster.StartServer(t)
	cs := clientset(t, s.Kubeconfig())
	ctx := t.Context()
	pods := cs.CoreV1().Pods("default")
	bound := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "bound"},
		Spec: corev1.PodSpec{NodeName: "node-1", Containers: []corev1.Container{{Name: "c", Image: "x"}}}}
	if _, err := pods.Create(ctx, bound, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := pods.Delete(ctx, "bound", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := pods.Get(ctx, "bound", metav1.GetOptions{})
	if err != nil || got.DeletionTimestamp == nil || *got.DeletionGracePeriodSeconds != 30 {
		t.Fatalf("a bound pod must stay, marked, until its node finishes: %v %v", got, err)
	}
	zero := int64(0)
	if err := pods.Delete(ctx, "bound", metav1.DeleteOptions{GracePeriodSeconds: &zero}); err != nil {
		t.Fatal(err)
	}
	if _, err := pods.Get(ctx, "bound", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("after the node's final delete: %v", err)
	}

	cms := cs.CoreV1().ConfigMaps("default")
	held := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{GenerateName: "held-", Finalizers: []string{"example.com/hold"}}}
	created, err := cms.Create(ctx, held, metav1.CreateOptions{})
	if err != nil || !strings.HasPrefix(created.Name, "held-") || len(created.Name) != len("held-")+5 {
		t.Fatalf("generateName: %v %v", created, err)
	}
	if err := cms.Delete(ctx, created.Name, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, err := cms.Get(ctx, created.Name, metav1.GetOptions{}); err != nil || got.DeletionTimestamp == nil {
		t.Fatalf("finalizer must hold the object: %v %v", got, err)
	}
	if _, err := cms.Patch(ctx, created.Name, types.MergePatchType, []byte(`{"metadata":{"finalizers":null}}`), metav1.PatchOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := cms.Get(ctx, created.Name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("after the last finalizer went: %v", err)
	}
}

// TestBadInput sends what kubectl never would and checks each answer is a
// Status with the right code and reason, and that nothing was stored.
func TestBadInput(t *testing.T) {
	s := cluster.StartServer(t)
	cfg, err := clientcmd.BuildConfigFromFlags("", s.Kubeconfig())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := rest.TransportFor(cfg)
	if err != nil {
		t.Fatal(err)
	}
	authed := &http.Client{Transport: tr}
	base := cfg.Host
	big := `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"big"},"data":{"x":"` + strings.Repeat("a", 3<<20) + `"}}`
	tests := []struct {
		name, method, path, ct, body string
		code                         int
		reason                       metav1.StatusReason
	}{
		{"malformed JSON", "POST", "/api/v1/namespaces/default/configmaps", "application/json", `{"apiVersion":`, 400, metav1.StatusReasonBadRequest},
		{"malformed YAML", "POST", "/api/v1/namespaces/default/configmaps", "application/yaml", "a: [", 400, metav1.StatusReasonBadRequest},
		{"wrong kind for path", "POST", "/api/v1/namespaces/default/configmaps", "application/json", `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}}`, 400, metav1.StatusReasonBadRequest},
		{"unknown resource", "GET", "/api/v1/namespaces/default/widgets", "", "", 404, metav1.StatusReasonNotFound},
		{"body over 3 MiB", "POST", "/api/v1/namespaces/default/configmaps", "application/json", big, 413, metav1.StatusReasonRequestEntityTooLarge},
		{"missing namespace", "POST", "/api/v1/namespaces/nope/configmaps", "application/json", `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}`, 404, metav1.StatusReasonNotFound},
		{"invalid name", "POST", "/api/v1/namespaces/default/configmaps", "application/json", `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"A_B"}}`, 422, metav1.StatusReasonInvalid},
		{"bad patch type", "PATCH", "/api/v1/namespaces/default/configmaps/x", "text/plain", "x", 415, metav1.StatusReasonUnsupportedMediaType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := do(t, authed, tt.method, base+tt.path, tt.ct, tt.body, tt.code)
			if st.Reason != tt.reason || st.Kind != "Status" {
				t.Fatalf("status %+v, want reason %s", st, tt.reason)
			}
		})
	}
	t.Run("no credentials is 401", func(t *testing.T) {
		anon := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
		st := do(t, anon, "GET", base+"/api/v1/namespaces", "", "", 401)
		if st.Reason != metav1.StatusReasonUnauthorized {
			t.Fatalf("status %+v", st)
		}
	})
	list, err := clientset(t, s.Kubeconfig()).CoreV1().ConfigMaps("default").List(t.Context(), metav1.ListOptions{})
	if err != nil || len(list.Items) != 0 {
		t.Fatalf("bad input stored something: %v %v", list, err)
	}
}

func do(t *testing.T, c *http.Client, method, url, ct, body string, code int) metav1.Status {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var st metav1.Status
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("%d %s: not a Status: %v", resp.StatusCode, data, err)
	}
	if resp.StatusCode != code || int(st.Code) != code {
		t.Fatalf("got %d (Status code %d) %s, want %d", resp.StatusCode, st.Code, st.Message, code)
	}
	return st
}
