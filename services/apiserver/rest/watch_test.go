package rest_test

import (
	"context"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestWatchInEitherEncoding: client-go's typed client asks for protobuf
// and gets a protobuf stream; asked for JSON only, it gets JSON. Either
// way it sees the same events, a delete included.
func TestWatchInEitherEncoding(t *testing.T) {
	c := apiservertest.Start(t)
	cfg, err := clientcmd.BuildConfigFromFlags("", c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, accept, wantType string
	}{
		{"protobuf", "", "application/vnd.kubernetes.protobuf;stream=watch"},
		{"json", "application/json", "application/json"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := rest.CopyConfig(cfg)
			cfg.AcceptContentTypes = tt.accept
			var seenType string
			cfg.WrapTransport = recordContentType(&seenType)
			cs := kubernetes.NewForConfigOrDie(cfg)
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			name := "cm-" + tt.name
			w, err := cs.CoreV1().ConfigMaps("default").Watch(ctx, metav1.ListOptions{FieldSelector: "metadata.name=" + name})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Stop()
			cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name}, Data: map[string]string{"k": "v"}}
			if _, err := cs.CoreV1().ConfigMaps("default").Create(ctx, cm, metav1.CreateOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := cs.CoreV1().ConfigMaps("default").Delete(ctx, name, metav1.DeleteOptions{}); err != nil {
				t.Fatal(err)
			}
			for _, want := range []watch.EventType{watch.Added, watch.Deleted} {
				select {
				case ev := <-w.ResultChan():
					got, ok := ev.Object.(*corev1.ConfigMap)
					if ev.Type != want || !ok || got.Data["k"] != "v" || got.ResourceVersion == "" {
						t.Fatalf("event %s %#v, want %s of the ConfigMap", ev.Type, ev.Object, want)
					}
				case <-ctx.Done():
					t.Fatalf("no %s event", want)
				}
			}
			if seenType != tt.wantType {
				t.Errorf("watch answered as %q, want %q", seenType, tt.wantType)
			}
		})
	}
}
