package e2e

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestTwoAPIServers runs a second apiserver process against the same bus:
// concurrent read-modify-write through both loses no update, and a watch
// on one sees writes made through the other.
func TestTwoAPIServers(t *testing.T) {
	s := cluster.StartServer(t)
	b := cluster.StartAPIServer(t, s)
	clients := []*kubernetes.Clientset{clientset(t, s.Kubeconfig()), clientset(t, b.Kubeconfig())}
	ctx := t.Context()
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "counter"}, Data: map[string]string{"n": "0"}}
	if _, err := clients[0].CoreV1().ConfigMaps("default").Create(ctx, cm, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	w, err := clients[1].CoreV1().ConfigMaps("default").Watch(wctx, metav1.ListOptions{FieldSelector: "metadata.name=counter"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	const writers, each = 8, 25
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				if err := increment(t, clients[i%2]); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	got, err := clients[1].CoreV1().ConfigMaps("default").Get(ctx, "counter", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Data["n"] != strconv.Itoa(writers*each) {
		t.Fatalf("counter = %s after %d increments: updates were lost", got.Data["n"], writers*each)
	}
	last := ""
	for ev := range w.ResultChan() {
		if ev.Type == watch.Modified {
			last = ev.Object.(*corev1.ConfigMap).Data["n"]
		}
		if last == strconv.Itoa(writers*each) {
			return
		}
	}
	t.Fatalf("watch through the second apiserver ended at %q", last)
}

// increment adds one to the counter, retrying on Conflict as a careful
// client does.
func increment(t *testing.T, cs *kubernetes.Clientset) error {
	for {
		cm, err := cs.CoreV1().ConfigMaps("default").Get(t.Context(), "counter", metav1.GetOptions{})
		if err != nil {
			return err
		}
		n, _ := strconv.Atoi(cm.Data["n"])
		cm.Data["n"] = strconv.Itoa(n + 1)
		_, err = cs.CoreV1().ConfigMaps("default").Update(t.Context(), cm, metav1.UpdateOptions{})
		if !apierrors.IsConflict(err) {
			return err
		}
	}
}
