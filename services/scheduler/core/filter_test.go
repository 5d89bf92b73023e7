package core

import (
	"slices"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestFilterUnschedulable(t *testing.T) {
	cordoned := func(n *corev1.Node) { n.Spec.Unschedulable = true }
	runFilterCases(t, filterUnschedulable, []filterCase{
		{name: "schedulable", node: makeNode("n", "1", "1Gi"), pod: makePod("p", "", "")},
		{name: "cordoned", node: makeNode("n", "1", "1Gi", cordoned), pod: makePod("p", "", ""), want: []string{reasonUnschedulable}},
		{name: "cordoned, tolerated", node: makeNode("n", "1", "1Gi", cordoned),
			pod: makePod("p", "", "", tolerating(corev1.Toleration{Key: corev1.TaintNodeUnschedulable, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule}))},
		{name: "cordoned, tolerate everything", node: makeNode("n", "1", "1Gi", cordoned),
			pod: makePod("p", "", "", tolerating(corev1.Toleration{Operator: corev1.TolerationOpExists}))},
		{name: "cordoned, wrong effect", node: makeNode("n", "1", "1Gi", cordoned),
			pod:  makePod("p", "", "", tolerating(corev1.Toleration{Key: corev1.TaintNodeUnschedulable, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute})),
			want: []string{reasonUnschedulable}},
	})
}

func TestFilterTaints(t *testing.T) {
	const cp = "node-role.kubernetes.io/control-plane"
	exists := func(key string, effect corev1.TaintEffect) podOpt {
		return tolerating(corev1.Toleration{Key: key, Operator: corev1.TolerationOpExists, Effect: effect})
	}
	runFilterCases(t, filterTaints, []filterCase{
		{name: "no taints", node: makeNode("n", "1", "1Gi"), pod: makePod("p", "", "")},
		{name: "control plane", node: makeNode("n", "1", "1Gi", withTaint(cp, "", corev1.TaintEffectNoSchedule)),
			pod: makePod("p", "", ""), want: []string{"node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"}},
		{name: "value shown", node: makeNode("n", "1", "1Gi", withTaint("dedicated", "gpu", corev1.TaintEffectNoExecute)),
			pod: makePod("p", "", ""), want: []string{"node(s) had untolerated taint {dedicated: gpu}"}},
		{name: "tolerated by Exists", node: makeNode("n", "1", "1Gi", withTaint(cp, "", corev1.TaintEffectNoSchedule)),
			pod: makePod("p", "", "", exists(cp, corev1.TaintEffectNoSchedule))},
		{name: "tolerated by Equal", node: makeNode("n", "1", "1Gi", withTaint("dedicated", "gpu", corev1.TaintEffectNoSchedule)),
			pod: makePod("p", "", "", tolerating(corev1.Toleration{Key: "dedicated", Value: "gpu"}))},
		{name: "Equal, other value", node: makeNode("n", "1", "1Gi", withTaint("dedicated", "gpu", corev1.TaintEffectNoSchedule)),
			pod:  makePod("p", "", "", tolerating(corev1.Toleration{Key: "dedicated", Value: "db"})),
			want: []string{"node(s) had untolerated taint {dedicated: gpu}"}},
		{name: "first untolerated reported", node: makeNode("n", "1", "1Gi", withTaint("a", "1", corev1.TaintEffectNoSchedule), withTaint("b", "2", corev1.TaintEffectNoSchedule)),
			pod: makePod("p", "", "", exists("a", "")), want: []string{"node(s) had untolerated taint {b: 2}"}},
		{name: "PreferNoSchedule does not filter", node: makeNode("n", "1", "1Gi", withTaint("soft", "", corev1.TaintEffectPreferNoSchedule)),
			pod: makePod("p", "", "")},
		{name: "not ready", node: makeNode("n", "1", "1Gi", withReady(corev1.ConditionFalse)),
			pod: makePod("p", "", ""), want: []string{"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"}},
		{name: "ready unknown", node: makeNode("n", "1", "1Gi", withReady(corev1.ConditionUnknown)),
			pod: makePod("p", "", ""), want: []string{"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"}},
		{name: "no Ready condition", node: makeNode("n", "1", "1Gi", func(n *corev1.Node) { n.Status.Conditions = nil }),
			pod: makePod("p", "", ""), want: []string{"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"}},
		{name: "not ready, tolerated", node: makeNode("n", "1", "1Gi", withReady(corev1.ConditionFalse)),
			pod: makePod("p", "", "", exists(corev1.TaintNodeNotReady, corev1.TaintEffectNoSchedule))},
		{name: "not ready, NoExecute toleration only", node: makeNode("n", "1", "1Gi", withReady(corev1.ConditionFalse)),
			pod:  makePod("p", "", "", exists(corev1.TaintNodeNotReady, corev1.TaintEffectNoExecute)),
			want: []string{"node(s) had untolerated taint {node.kubernetes.io/not-ready: }"}},
	})
}

func TestFilterPorts(t *testing.T) {
	tcp, udp := corev1.ProtocolTCP, corev1.ProtocolUDP
	node := func() *corev1.Node { return makeNode("n", "4", "4Gi") }
	existing := func(opts ...podOpt) []*corev1.Pod {
		return []*corev1.Pod{makePod("old", "", "", append(opts, onNode("n"))...)}
	}
	sidecar := func(p *corev1.Pod) {
		p.Spec.InitContainers = []corev1.Container{{Name: "s", RestartPolicy: new(corev1.ContainerRestartPolicyAlways),
			Ports: []corev1.ContainerPort{{HostPort: 9000, ContainerPort: 9000}}}}
	}
	initOnly := func(p *corev1.Pod) {
		p.Spec.InitContainers = []corev1.Container{{Name: "i", Ports: []corev1.ContainerPort{{HostPort: 9000, ContainerPort: 9000}}}}
	}
	runFilterCases(t, filterPorts, []filterCase{
		{name: "no host ports", node: node(), existing: existing(withHostPort("", tcp, 80)), pod: makePod("p", "", "")},
		{name: "same port", node: node(), existing: existing(withHostPort("", tcp, 80)), pod: makePod("p", "", "", withHostPort("", "", 80)), want: []string{reasonPorts}},
		{name: "other port", node: node(), existing: existing(withHostPort("", tcp, 80)), pod: makePod("p", "", "", withHostPort("", tcp, 81))},
		{name: "other protocol", node: node(), existing: existing(withHostPort("", tcp, 53)), pod: makePod("p", "", "", withHostPort("", udp, 53))},
		{name: "distinct addresses", node: node(), existing: existing(withHostPort("10.0.0.1", tcp, 80)), pod: makePod("p", "", "", withHostPort("10.0.0.2", tcp, 80))},
		{name: "same address", node: node(), existing: existing(withHostPort("10.0.0.1", tcp, 80)), pod: makePod("p", "", "", withHostPort("10.0.0.1", tcp, 80)), want: []string{reasonPorts}},
		{name: "wildcard taken", node: node(), existing: existing(withHostPort("0.0.0.0", tcp, 80)), pod: makePod("p", "", "", withHostPort("10.0.0.1", tcp, 80)), want: []string{reasonPorts}},
		{name: "wildcard wanted", node: node(), existing: existing(withHostPort("10.0.0.1", tcp, 80)), pod: makePod("p", "", "", withHostPort("", tcp, 80)), want: []string{reasonPorts}},
		{name: "sidecar holds its port", node: node(), existing: existing(sidecar), pod: makePod("p", "", "", withHostPort("", tcp, 9000)), want: []string{reasonPorts}},
		{name: "init container released its port", node: node(), existing: existing(initOnly), pod: makePod("p", "", "", withHostPort("", tcp, 9000))},
		{name: "container port without host port", node: node(), existing: existing(withHostPort("", tcp, 0)), pod: makePod("p", "", "", withHostPort("", tcp, 0))},
	})
}

// checkReasons compares a filter's reasons, order aside.
func checkReasons(t *testing.T, got, want []string) {
	t.Helper()
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("reasons = %q, want %q", got, want)
	}
}

// filterCase runs one filter on one node holding existing pods.
type filterCase struct {
	name     string
	node     *corev1.Node
	existing []*corev1.Pod
	pod      *corev1.Pod
	want     []string // nil: the pod fits
}

func runFilterCases(t *testing.T, f filter, cases []filterCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSnapshot([]*corev1.Node{tc.node}, tc.existing)
			checkReasons(t, f(s.newCycle(tc.pod), s.nodes[tc.node.Name], nil), tc.want)
		})
	}
}
