package sim

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestBuildNode(t *testing.T) {
	cfg := Config{Nodes: 3, Labels: map[string]string{"zone": "a", "type": "custom", corev1.LabelHostname: "spoof"},
		Taints: []corev1.Taint{{Key: "k", Effect: corev1.TaintEffectNoSchedule}}}
	if err := cfg.setDefaults(); err != nil {
		t.Fatal(err)
	}
	f := newFleet(cfg.NamePrefix, cfg.Nodes)
	now := metav1.NewTime(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	n := buildNode(&cfg, f.nodes[2], now)
	wantLabels := map[string]string{corev1.LabelHostname: "sim-2", corev1.LabelOSStable: "linux", corev1.LabelArchStable: "amd64", "type": "custom", "zone": "a"}
	for k, v := range wantLabels {
		if n.Labels[k] != v {
			t.Errorf("label %s = %q, want %q", k, n.Labels[k], v)
		}
	}
	if n.Name != "sim-2" || len(n.Spec.Taints) != 1 {
		t.Errorf("name %q taints %v", n.Name, n.Spec.Taints)
	}
	st := n.Status
	if st.NodeInfo.KubeletVersion != KubeletVersion || st.NodeInfo.ContainerRuntimeVersion != RuntimeVersion {
		t.Errorf("nodeInfo = %+v", st.NodeInfo)
	}
	if st.Addresses[0] != (corev1.NodeAddress{Type: corev1.NodeInternalIP, Address: "10.128.0.3"}) || st.Addresses[1].Address != "sim-2" {
		t.Errorf("addresses = %v", st.Addresses)
	}
	if pods := st.Allocatable[corev1.ResourcePods]; pods.String() != "110" {
		t.Errorf("allocatable pods = %v", pods.String())
	}
	want := map[corev1.NodeConditionType]corev1.ConditionStatus{corev1.NodeReady: "True", corev1.NodeMemoryPressure: "False", corev1.NodeDiskPressure: "False", corev1.NodePIDPressure: "False"}
	for typ, status := range want {
		if c := findNodeCondition(n, typ); c == nil || c.Status != status || !c.LastHeartbeatTime.Equal(&now) {
			t.Errorf("condition %s = %+v, want %s at %v", typ, c, status, now)
		}
	}
	if c := findNodeCondition(n, corev1.NodeReady); c.Reason != "KubeletReady" {
		t.Errorf("Ready reason = %q", c.Reason)
	}
}

// TestNodeConditionTransitions: a heartbeat moves lastHeartbeatTime only;
// coming back from Unknown (a dead node) is a transition.
func TestNodeConditionTransitions(t *testing.T) {
	t0 := metav1.NewTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	t1 := metav1.NewTime(t0.Add(time.Minute))
	prev := &corev1.Node{Status: corev1.NodeStatus{Conditions: nodeConditions(t0, nil)}}
	for _, c := range nodeConditions(t1, prev) {
		if !c.LastTransitionTime.Equal(&t0) || !c.LastHeartbeatTime.Equal(&t1) {
			t.Errorf("%s: transition %v heartbeat %v, want %v and %v", c.Type, c.LastTransitionTime, c.LastHeartbeatTime, t0, t1)
		}
	}
	findNodeCondition(prev, corev1.NodeReady).Status = corev1.ConditionUnknown
	ready := findNodeCondition(&corev1.Node{Status: corev1.NodeStatus{Conditions: nodeConditions(t1, prev)}}, corev1.NodeReady)
	if !ready.LastTransitionTime.Equal(&t1) {
		t.Errorf("Ready after Unknown: transition %v, want %v", ready.LastTransitionTime, t1)
	}
}

func TestAddressPlan(t *testing.T) {
	seen := map[string]bool{}
	for i := range MaxNodes {
		ip, cidr := nodeIP(i).String(), fallbackPodCIDR(i)
		if seen[ip] || seen[cidr.String()] {
			t.Fatalf("node %d: %s or %s reused", i, ip, cidr)
		}
		seen[ip], seen[cidr.String()] = true, true
		if !usablePodCIDR(cidr) || cidr.Contains(nodeIP(i)) {
			t.Fatalf("node %d: pod CIDR %s unusable or holds the node IP", i, cidr)
		}
	}
	if got := fallbackPodCIDR(MaxNodes - 1).String(); got != "10.255.255.0/24" {
		t.Errorf("last pod CIDR = %s", got)
	}
}

func TestFleetLookup(t *testing.T) {
	f := newFleet("sim-", 4)
	for ref, want := range map[string]string{"sim-3": "sim-3", "0": "sim-0", " 2": "sim-2"} {
		if n, err := f.lookup(ref); err != nil || n.name != want {
			t.Errorf("lookup(%q) = %v, %v; want %s", ref, n, err, want)
		}
	}
	for _, ref := range []string{"sim-4", "4", "-1", "node-0"} {
		if _, err := f.lookup(ref); err == nil {
			t.Errorf("lookup(%q) found a node", ref)
		}
	}
}
