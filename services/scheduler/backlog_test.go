package scheduler

import (
	"fmt"
	"sync"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestStartsWithBacklog starts the scheduler after more pods wait than its
// event buffer holds: it must still sync and bind them all.
func TestStartsWithBacklog(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 5,000 pods")
	}
	c := apiservertest.Start(t)
	n := node("big", "100")
	n.Status.Allocatable[corev1.ResourcePods] = resource.MustParse("6000")
	if _, err := c.Client.Create(t.Context(), n); err != nil {
		t.Fatal(err)
	}
	const pods = 5000
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < pods; i += 16 {
				p := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("p%d", i), Namespace: "default"},
					Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "c", Image: "x"}}}}
				if _, err := c.Client.Create(t.Context(), p); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	start(t, c)
	apiservertest.Eventually(t, "every waiting pod bound", func() bool {
		res, err := c.Client.Get(t.Context(), podsRes, "default", fmt.Sprintf("p%d", pods-1))
		return err == nil && res.(*corev1.Pod).Spec.NodeName == "big"
	})
}
