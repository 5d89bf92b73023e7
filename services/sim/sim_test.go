package sim

import (
	"context"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/kubus-dev/kubus/internal/logging"
	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestSim runs a sim of 3 nodes against a real apiserver and checks what a
// kubelet owes the control plane: nodes Ready, a bound pod Running, its
// deletion completed, and Lease renewals stopping and resuming on command.
func TestSim(t *testing.T) {
	c := apiservertest.Start(t)
	top := t // the sims live as long as the whole test, not one subtest
	stop := startSim(top, c, 3)
	for i := range 3 {
		waitFor(t, "node Ready", func() bool { return nodeReady(t, c, nodeName(i)) })
	}
	t.Run("bound pod runs", func(t *testing.T) {
		createPod(t, c, "web", "sim-1")
		p := waitPod(t, c, "web", func(p *corev1.Pod) bool { return p.Status.Phase == corev1.PodRunning })
		if cond := findPodCondition(p.Status.Conditions, corev1.PodReady); cond == nil || cond.Status != corev1.ConditionTrue {
			t.Errorf("Ready condition = %+v", cond)
		}
		if p.Status.PodIP == "" || p.Status.HostIP != nodeIP(1).String() || len(p.Status.ContainerStatuses) != 1 {
			t.Errorf("status = ip %q host %q containers %d", p.Status.PodIP, p.Status.HostIP, len(p.Status.ContainerStatuses))
		}
	})
	t.Run("restart adopts nodes and keeps running pods", func(t *testing.T) {
		before := getPod(t, c, "web")
		uid := getNode(t, c, "sim-0").UID
		stop()
		stop = startSim(top, c, 3)
		waitFor(t, "the new sim to serve", func() bool {
			// Short tries: right after a restart a request may still go to
			// the old connection and never be answered.
			ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
			defer cancel()
			_, err := Control(ctx, c.Bus.Conn, "sim-", Command{})
			return err == nil
		})
		if got := getNode(t, c, "sim-0").UID; got != uid {
			t.Errorf("sim-0 was recreated: uid %s, was %s", got, uid)
		}
		if after := getPod(t, c, "web"); after.ResourceVersion != before.ResourceVersion {
			t.Errorf("running pod rewritten after restart: rv %s -> %s", before.ResourceVersion, after.ResourceVersion)
		}
	})
	t.Run("deleting a bound pod completes", func(t *testing.T) {
		if err := c.Client.Delete(t.Context(), podRes, "default", "web", nil); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "pod gone", func() bool {
			_, err := c.Client.Get(t.Context(), podRes, "default", "web")
			return apierrors.IsNotFound(err)
		})
	})
	t.Run("stopped heartbeat stops lease renewals", func(t *testing.T) {
		testHeartbeatSwitch(t, c)
	})
}

func testHeartbeatSwitch(t *testing.T, c *apiservertest.Cluster) {
	off, on := false, true
	rep, err := Control(t.Context(), c.Bus.Conn, "sim-", Command{Node: "2", Heartbeat: &off})
	if err != nil || len(rep.Changed) != 1 || rep.Changed[0] != "sim-2" {
		t.Fatalf("stop sim-2: %+v, %v", rep, err)
	}
	time.Sleep(300 * time.Millisecond) // let a renewal already in flight land
	frozen := renewTime(t, c, "sim-2")
	live := renewTime(t, c, "sim-0")
	waitFor(t, "sim-0 to renew", func() bool { return renewTime(t, c, "sim-0").After(live) })
	time.Sleep(500 * time.Millisecond) // five lease intervals
	if got := renewTime(t, c, "sim-2"); !got.Equal(frozen) {
		t.Fatalf("stopped sim-2 renewed its lease: %v -> %v", frozen, got)
	}
	if rep, err = Control(t.Context(), c.Bus.Conn, "sim-", Command{Node: "sim-2", Heartbeat: &on}); err != nil || len(rep.Stopped) != 0 {
		t.Fatalf("resume sim-2: %+v, %v", rep, err)
	}
	waitFor(t, "sim-2 to renew again", func() bool { return renewTime(t, c, "sim-2").After(frozen) })
}

// startSim runs a sim with fast heartbeats; the returned func stops it.
func startSim(t *testing.T, c *apiservertest.Cluster, nodes int) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(logging.Into(context.Background(), zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))))
	done := make(chan error, 1)
	cfg := Config{NATSURL: c.Bus.URL, Nodes: nodes, LeaseInterval: 100 * time.Millisecond, NodeStatusUpdateFrequency: time.Second}
	go func() { done <- Run(ctx, cfg) }()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			if err := <-done; err != nil {
				t.Errorf("sim: %v", err)
			}
		}
	}
	t.Cleanup(stop)
	return stop
}

func nodeName(i int) string { return "sim-" + string(rune('0'+i)) }
