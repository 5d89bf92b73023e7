package nodecontroller

import (
	"context"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"

	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestSilentNodeIsTaintedAndItsPodsEvicted runs the controller against a
// real apiserver with a fake kubelet that renews its Lease, then stops.
func TestSilentNodeIsTaintedAndItsPodsEvicted(t *testing.T) {
	c := apiservertest.Start(t)
	start(t, Config{NATSURL: c.Bus.URL, GracePeriod: 2 * time.Second, MonitorPeriod: 200 * time.Millisecond})
	var alive atomic.Bool
	alive.Store(true)
	kubelet(t, c, "n1", &alive)
	short := &corev1.Toleration{Key: corev1.TaintNodeUnreachable, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute, TolerationSeconds: new(int64(1))}
	createPod(t, c, "short", "n1", short)
	createPod(t, c, "default", "n1", nil)

	alive.Store(false)
	apiservertest.Eventually(t, "Ready=Unknown and the unreachable taints", func() bool {
		n := getNode(t, c, "n1")
		r := readyCondition(n.Status.Conditions)
		return r != nil && r.Status == corev1.ConditionUnknown && r.Reason == ReasonUnknown && r.Message == messageStopped && countOwn(n) == 2
	})
	apiservertest.Eventually(t, "the pod tolerating 1s to be deleted", func() bool {
		_, err := c.Client.Get(t.Context(), pods, "default", "short")
		return apierrors.IsNotFound(err)
	})
	if p, err := c.Client.Get(t.Context(), pods, "default", "default"); err != nil || p.(*corev1.Pod).DeletionTimestamp != nil {
		t.Fatalf("a pod with the default 300s toleration must stay: %v", err)
	}

	alive.Store(true)
	apiservertest.Eventually(t, "Ready=True and no taints", func() bool {
		n := getNode(t, c, "n1")
		return isReady(n) && countOwn(n) == 0
	})
}

// TestEachNodeGetsItsOwnPodCIDR runs two leader-elected copies, stops the
// first halfway, and checks every node got its own CIDR: the one leading
// afterwards knows the CIDRs already given out.
func TestEachNodeGetsItsOwnPodCIDR(t *testing.T) {
	c := apiservertest.Start(t)
	cfg := Config{NATSURL: c.Bus.URL, ClusterCIDR: "10.100.0.0/16", NodeCIDRMaskSize: 24, LeaderElect: true, LeaseDuration: time.Second}
	stopFirst := start(t, cfg)
	start(t, cfg)
	cluster := netip.MustParsePrefix(cfg.ClusterCIDR)
	seen := map[string]string{}
	for i, name := range []string{"a", "b", "c", "d"} {
		if i == 2 {
			stopFirst()
		}
		if _, err := c.Client.Create(t.Context(), &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: name}}); err != nil {
			t.Fatal(err)
		}
		var n *corev1.Node
		apiservertest.Eventually(t, name+"'s pod CIDR", func() bool { n = getNode(t, c, name); return n.Spec.PodCIDR != "" })
		p := netip.MustParsePrefix(n.Spec.PodCIDR)
		if other, dup := seen[n.Spec.PodCIDR]; dup || !cluster.Contains(p.Addr()) || p.Bits() != 24 || n.Spec.PodCIDRs[0] != n.Spec.PodCIDR {
			t.Fatalf("node %s got %s %v (also %q's?)", name, n.Spec.PodCIDR, n.Spec.PodCIDRs, other)
		}
		seen[n.Spec.PodCIDR] = name
	}
}

// start runs the controller until the test ends or stop is called.
func start(t *testing.T, cfg Config) (stop func()) {
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); _ = Run(ctx, cfg) }()
	stop = func() { cancel(); <-done }
	t.Cleanup(stop)
	return stop
}

// kubelet registers a Ready node and renews its Lease while alive.
func kubelet(t *testing.T, c *apiservertest.Cluster, name string, alive *atomic.Bool) {
	now := metav1.Now()
	node := &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: name}, Status: corev1.NodeStatus{Conditions: []corev1.NodeCondition{
		{Type: corev1.NodeReady, Status: corev1.ConditionTrue, Reason: "KubeletReady", LastHeartbeatTime: now, LastTransitionTime: now}}}}
	lease := &coordinationv1.Lease{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: LeaseNamespace},
		Spec: coordinationv1.LeaseSpec{HolderIdentity: &name, RenewTime: &metav1.MicroTime{Time: now.Time}}}
	if _, err := c.Client.Create(t.Context(), node); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.Create(t.Context(), lease); err != nil {
		t.Fatal(err)
	}
	go func() {
		for t.Context().Err() == nil {
			time.Sleep(200 * time.Millisecond)
			if !alive.Load() {
				continue
			}
			obj, err := c.Client.Get(t.Context(), leases, LeaseNamespace, name)
			if err != nil {
				continue
			}
			l := obj.(*coordinationv1.Lease)
			l.Spec.RenewTime = &metav1.MicroTime{Time: time.Now()}
			_, _ = c.Client.Update(t.Context(), l)
		}
	}()
}
