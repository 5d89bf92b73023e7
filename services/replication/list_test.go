package replication_test

import (
	"context"
	"encoding/json"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/kubus-dev/kubus/client"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/resources"
)

// list reads a collection through the apiserver: consistent, unlike an
// informer of the test's own that may lag.
func (e *env) list(ctx context.Context, r resources.Resource, ns string, into any) error {
	resp, err := e.Client.Do(ctx, &kubusv1.APIRequest{Method: "GET", Path: client.Path(r, ns, "", ""), Accept: "application/json"})
	if err != nil {
		return err
	}
	return json.Unmarshal(resp.Body, into)
}

// pods lists the pods of ns matching sel (nil: all).
func (e *env) pods(t *testing.T, ns string, sel map[string]string) []*corev1.Pod {
	t.Helper()
	var list corev1.PodList
	if err := e.list(t.Context(), podsRes, ns, &list); err != nil {
		t.Fatal(err)
	}
	var out []*corev1.Pod
	for i := range list.Items {
		if p := &list.Items[i]; labels.SelectorFromSet(sel).Matches(labels.Set(p.Labels)) {
			out = append(out, p)
		}
	}
	return out
}

func (e *env) events(t *testing.T, ns string) []corev1.Event {
	t.Helper()
	var list corev1.EventList
	if err := e.list(t.Context(), eventsRes, ns, &list); err != nil {
		t.Fatal(err)
	}
	return list.Items
}
