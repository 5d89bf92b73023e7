package client_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/client"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/resources"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestListPagesReadsWhatOneMessageCannotHold: a collection larger than one
// bus message is refused with a plain error when asked for whole, and read
// completely a page at a time.
func TestListPagesReadsWhatOneMessageCannotHold(t *testing.T) {
	c := apiservertest.Start(t)
	maxPayload := c.Bus.Conn.MaxPayload()
	big := strings.Repeat("x", 512<<10)
	n := int(maxPayload/int64(len(big))) + 2
	for i := range n {
		cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("cm-%d", i), Namespace: "default"}, Data: map[string]string{"v": big}}
		cm.APIVersion, cm.Kind = "v1", "ConfigMap"
		if _, err := c.Client.Create(t.Context(), cm); err != nil {
			t.Fatal(err)
		}
	}
	configMaps, _ := resources.Lookup("", "v1", "configmaps")
	_, err := c.Client.Do(t.Context(), &kubusv1.APIRequest{Method: http.MethodGet, Path: client.Path(configMaps, "default", "", ""), Accept: "application/json"})
	if !apierrors.IsRequestEntityTooLargeError(err) || !strings.Contains(err.Error(), "limit and continue") {
		t.Fatalf("whole list of %d bytes over a %d-byte bus: %v, want an error saying to page", n*len(big), maxPayload, err)
	}
	seen, pages := map[string]bool{}, 0
	err = c.Client.ListPages(context.Background(), configMaps, "default", func(body []byte) error {
		pages++
		var list corev1.ConfigMapList
		if err := json.Unmarshal(body, &list); err != nil {
			return err
		}
		for _, cm := range list.Items {
			seen[cm.Name] = true
		}
		return nil
	})
	if err != nil || len(seen) != n {
		t.Fatalf("ListPages: %v; saw %d of %d objects in %d pages", err, len(seen), n, pages)
	}
}
