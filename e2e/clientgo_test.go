package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

func clientset(t *testing.T, kubeconfig string) *kubernetes.Clientset {
	t.Helper()
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	cfg.QPS, cfg.Burst = 1000, 1000
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// seen records what an informer's handlers were told, by object name.
type seen struct {
	mu     sync.Mutex
	events map[string][]string
}

func (s *seen) add(kind string, obj any) {
	cm, ok := obj.(*corev1.ConfigMap)
	if !ok {
		if d, ok := obj.(cache.DeletedFinalStateUnknown); ok {
			cm, _ = d.Obj.(*corev1.ConfigMap)
		}
	}
	if cm == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events[cm.Name] = append(s.events[cm.Name], kind+":"+cm.Data["v"])
}

func (s *seen) has(name, ev string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.events[name] {
		if e == ev {
			return true
		}
	}
	return false
}

// TestClientGoInformer checks that a client-go shared informer sees adds,
// updates and deletes, and carries on after the apiserver restarts.
func TestClientGoInformer(t *testing.T) {
	s := cluster.StartServer(t)
	cs := clientset(t, s.Kubeconfig())
	ctx := t.Context()
	rec := &seen{events: map[string][]string{}}
	factory := informers.NewSharedInformerFactoryWithOptions(cs, 0, informers.WithNamespace("default"))
	inf := factory.Core().V1().ConfigMaps().Informer()
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(o any) { rec.add("add", o) },
		UpdateFunc: func(_, o any) { rec.add("update", o) },
		DeleteFunc: func(o any) { rec.add("delete", o) },
	})
	factory.Start(ctx.Done())
	t.Cleanup(factory.Shutdown)
	if !cache.WaitForCacheSync(ctx.Done(), inf.HasSynced) {
		t.Fatal("informer did not sync")
	}
	cms := cs.CoreV1().ConfigMaps("default")
	create(t, ctx, cs, "a", "1")
	update(t, ctx, cs, "a", "2")
	waitFor(t, "add and update of a", func() bool { return rec.has("a", "add:1") && rec.has("a", "update:2") })
	if err := cms.Delete(ctx, "a", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "delete of a", func() bool { return rec.has("a", "delete:2") })

	s.Kill()
	s.Restart(t)
	create(t, ctx, cs, "b", "1")
	update(t, ctx, cs, "b", "2")
	waitFor(t, "b after restart", func() bool { return rec.has("b", "add:1") || rec.has("b", "update:2") })
	waitFor(t, "b's update after restart", func() bool { return rec.has("b", "update:2") || rec.has("b", "add:2") })
}

func create(t *testing.T, ctx context.Context, cs *kubernetes.Clientset, name, v string) {
	t.Helper()
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name}, Data: map[string]string{"v": v}}
	if _, err := cs.CoreV1().ConfigMaps("default").Create(ctx, cm, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
}

func update(t *testing.T, ctx context.Context, cs *kubernetes.Clientset, name, v string) {
	t.Helper()
	cm, err := cs.CoreV1().ConfigMaps("default").Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cm.Data["v"] = v
	if _, err := cs.CoreV1().ConfigMaps("default").Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls cond until it holds, failing after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func createErr(ctx context.Context, cs *kubernetes.Clientset, name string) error {
	cm := &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name}, Data: map[string]string{"v": "1"}}
	_, err := cs.CoreV1().ConfigMaps("default").Create(ctx, cm, metav1.CreateOptions{})
	return err
}
