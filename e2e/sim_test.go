package e2e

import (
	"bufio"
	"bytes"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/e2e/cluster"
	"github.com/kubus-dev/kubus/services/sim"
)

const simPod = `apiVersion: v1
kind: Pod
metadata:
  name: on-sim
spec:
  nodeName: sim-0
  containers:
  - name: web
    image: nginx:1.27
`

// TestSim runs `kubus sim` as its own process next to `kubus server` and
// looks at its nodes and pods with kubectl, as a user would.
func TestSim(t *testing.T) {
	s := cluster.StartServer(t, "--node-monitor-grace-period", "5s", "--node-monitor-period", "200ms")
	p := cluster.Start(t, "sim", "--nats", s.NATSURL(), "--nodes", "3", "--metrics-addr", cluster.FreeAddr(t),
		"--lease-interval", "1s", "--labels", "zone=e2e")
	k := cluster.NewKubectl(t, s.Kubeconfig())
	waitFor(t, "3 Ready sim nodes", func() bool { return readySimNodes(k) == 3 })
	if got := k.OK("get", "nodes", "-l", "zone=e2e,type=kubus-sim", "-o", "name"); strings.Count(got, "node/sim-") != 3 {
		t.Errorf("nodes by label: %q", got)
	}
	k.Apply(simPod, "create", "-f", "-")
	running := regexp.MustCompile(`on-sim\s+1/1\s+Running\s+0\s+\S+\s+\d+\.\d+\.\d+\.\d+\s+sim-0`)
	var wide string
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last kubectl get pods -o wide:\n%s", wide)
			p.Dump()
		}
	})
	waitFor(t, "pod Running on sim-0 with an IP", func() bool {
		wide, _, _ = k.Run("", "get", "pods", "-o", "wide")
		return running.MatchString(wide)
	})
	checkPodIP(t, k, "on-sim", "sim-0")
	t.Run("kubectl logs is answered by the sim", func(t *testing.T) {
		if out := k.OK("logs", "on-sim"); !strings.Contains(out, "kubus sim: container") || !strings.Contains(out, "on simulated node sim-0") {
			t.Errorf("kubectl logs on-sim: %q", out)
		}
		if out := k.OK("logs", "on-sim", "--tail=0"); out != "" {
			t.Errorf("kubectl logs --tail=0: %q, want nothing", out)
		}
	})
	rv := k.OK("get", "pod", "on-sim", "-o", "jsonpath={.metadata.resourceVersion}")

	t.Run("kill -9 and restart adopts", func(t *testing.T) {
		p.Kill()
		p.Restart()
		waitFor(t, "the restarted sim to answer", func() bool { return simControl(t, s, sim.Command{}) == nil })
		if got := readySimNodes(k); got != 3 {
			t.Errorf("%d Ready sim nodes after restart\n%s", got, k.OK("get", "nodes"))
		}
		if got := k.OK("get", "pod", "on-sim", "-o", "jsonpath={.metadata.resourceVersion}"); got != rv {
			t.Errorf("running pod rewritten by the restarted sim: rv %s -> %s", rv, got)
		}
	})
	t.Run("bus control stops a heartbeat, the node goes NotReady and comes back", func(t *testing.T) {
		off, on := false, true
		if err := simControl(t, s, sim.Command{Node: "sim-2", Heartbeat: &off}); err != nil {
			t.Fatal(err)
		}
		awaitRenewal(t, k, "sim-0") // a sim-2 renewal in flight when stopped has landed by now
		frozen := renewTime(k, "sim-2")
		awaitRenewal(t, k, "sim-0")
		awaitRenewal(t, k, "sim-0")
		if got := renewTime(k, "sim-2"); got != frozen {
			t.Errorf("stopped sim-2 still renews: %s -> %s", frozen, got)
		}
		waitFor(t, "the node controller to mark sim-2 Unknown", func() bool { return nodeReady(k, "sim-2") == "Unknown" })
		if err := simControl(t, s, sim.Command{Node: "sim-2", Heartbeat: &on}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "sim-2 Ready again", func() bool { return nodeReady(k, "sim-2") == "True" })
		if got := readySimNodes(k); got != 3 {
			t.Errorf("%d Ready sim nodes after resume", got)
		}
	})
	t.Run("deleting the pod completes", func(t *testing.T) {
		k.OK("delete", "pod", "on-sim", "--wait=true", "--timeout=30s")
	})
}

// checkPodIP: the pod's IP is in its node's spec.podCIDR when an IPAM
// controller set one, else in the sim's own range for the node.
func checkPodIP(t *testing.T, k *cluster.Kubectl, pod, node string) {
	t.Helper()
	cidr := k.OK("get", "node", node, "-o", "jsonpath={.spec.podCIDR}")
	if cidr == "" {
		cidr = "10.192.0.0/24" // sim-0's fallback
	}
	ip := k.OK("get", "pod", pod, "-o", "jsonpath={.status.podIP}")
	if p, err := netip.ParsePrefix(cidr); err != nil || !p.Contains(netip.MustParseAddr(ip)) {
		t.Errorf("pod IP %s is not in %s's pod CIDR %s", ip, node, cidr)
	}
}

func nodeReady(k *cluster.Kubectl, node string) string {
	out, _, _ := k.Run("", "get", "node", node, "-o", `jsonpath={.status.conditions[?(@.type=="Ready")].status}`)
	return out
}

func readySimNodes(k *cluster.Kubectl) int {
	out, _, _ := k.Run("", "get", "nodes", "--no-headers")
	return len(regexp.MustCompile(`(?m)^sim-\d+\s+Ready\s`).FindAllString(out, -1))
}

func renewTime(k *cluster.Kubectl, node string) string {
	out, _, _ := k.Run("", "get", "lease", "-n", "kube-node-lease", node, "-o", "jsonpath={.spec.renewTime}")
	return out
}

// awaitRenewal waits for node's lease to be renewed once more.
func awaitRenewal(t *testing.T, k *cluster.Kubectl, node string) {
	t.Helper()
	before := renewTime(k, node)
	waitFor(t, node+" to renew its lease", func() bool { return renewTime(k, node) != before })
}

func simControl(t *testing.T, s *cluster.Server, cmd sim.Command) error {
	// A short timeout: right after a restart a request may still be routed
	// to the killed process's connection and never be answered.
	conn, err := bus.Connect(t.Context(), bus.ConnConfig{URL: s.NATSURL(), Name: "e2e-sim", Timeout: time.Second})
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = sim.Control(t.Context(), conn, "sim-", cmd)
	return err
}

// BenchmarkSim5000Nodes measures `kubus sim --nodes 5000` as its own
// process next to `kubus server`: how long registering takes, then, over a
// minute of 500 lease renewals/s, the CPU and RSS of both processes and
// the heartbeat lag, from the sim's /metrics and /proc. Run with
//
//	go test -run '^$' -bench Sim5000 -benchtime 1x ./e2e/
func BenchmarkSim5000Nodes(b *testing.B) {
	const hold = time.Minute
	for range b.N {
		s := cluster.StartServer(b)
		addr := cluster.FreeAddr(b)
		start := time.Now()
		p := cluster.Start(b, "sim", "--nats", s.NATSURL(), "--nodes", "5000", "--metrics-addr", addr)
		for scrape(b, addr)["sim_nodes"] < 5000 {
			time.Sleep(50 * time.Millisecond)
		}
		b.ReportMetric(time.Since(start).Seconds(), "register-s")
		m0, server0 := scrape(b, addr), procCPU(b, s.DataDir)
		time.Sleep(hold)
		m1, server1 := scrape(b, addr), procCPU(b, s.DataDir)
		delta := func(k string) float64 { return m1[k] - m0[k] }
		b.ReportMetric(delta("process_cpu_seconds_total")/hold.Seconds()*100, "sim-cpu-%")
		b.ReportMetric(float64(p.PeakRSS())/1e6, "sim-peak-rss-MB")
		b.ReportMetric((server1-server0)/hold.Seconds()*100, "server-cpu-%")
		b.ReportMetric(float64(s.PeakRSS())/1e6, "server-peak-rss-MB")
		b.ReportMetric(delta(`sim_writes_total{kind="lease",result="ok"}`)/hold.Seconds(), "leases/s")
		b.ReportMetric(delta("sim_heartbeat_lag_seconds_sum")/delta("sim_heartbeat_lag_seconds_count")*1000, "lag-ms")
	}
}

// scrape reads a Prometheus text page into series -> value.
func scrape(b *testing.B, addr string) map[string]float64 {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return map[string]float64{}
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	for sc := bufio.NewScanner(resp.Body); sc.Scan(); {
		if i := strings.LastIndexByte(sc.Text(), ' '); i > 0 && !strings.HasPrefix(sc.Text(), "#") {
			out[sc.Text()[:i]], _ = strconv.ParseFloat(sc.Text()[i+1:], 64)
		}
	}
	return out
}

// procCPU is the CPU seconds used so far by the process whose command
// line mentions needle (the server's data dir), from /proc.
func procCPU(b *testing.B, needle string) float64 {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		cmd, _ := os.ReadFile(filepath.Join(d, "cmdline"))
		stat, _ := os.ReadFile(filepath.Join(d, "stat"))
		if !strings.Contains(string(cmd), needle) || len(stat) == 0 {
			continue
		}
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
		utime, _ := strconv.ParseFloat(f[11], 64)
		stime, _ := strconv.ParseFloat(f[12], 64)
		return (utime + stime) / 100 // USER_HZ
	}
	b.Fatal("no process for " + needle)
	return 0
}
