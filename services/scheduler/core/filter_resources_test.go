package core

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

const gpu corev1.ResourceName = "example.com/gpu"

func withInit(cpu string, sidecar bool) podOpt {
	return func(p *corev1.Pod) {
		c := corev1.Container{Name: "i", Resources: corev1.ResourceRequirements{Requests: requests(cpu, "")}}
		if sidecar {
			c.RestartPolicy = new(corev1.ContainerRestartPolicyAlways)
		}
		p.Spec.InitContainers = append(p.Spec.InitContainers, c)
	}
}

func withRequest(name corev1.ResourceName, q string) podOpt {
	return func(p *corev1.Pod) { p.Spec.Containers[0].Resources.Requests[name] = resource.MustParse(q) }
}

func TestFilterResources(t *testing.T) {
	node := func(opts ...nodeOpt) *corev1.Node { return makeNode("n", "2", "2Gi", opts...) }
	half := func(name string) *corev1.Pod { return makePod(name, "1", "1Gi", onNode("n")) }
	cases := []filterCase{
		{name: "fits empty node", node: node(), pod: makePod("p", "2", "2Gi")},
		{name: "fits beside a pod", node: node(), existing: []*corev1.Pod{half("a")}, pod: makePod("p", "1", "1Gi")},
		{name: "cpu", node: node(), existing: []*corev1.Pod{half("a")}, pod: makePod("p", "1500m", "1Gi"), want: []string{reasonInsufficientCPU}},
		{name: "memory", node: node(), existing: []*corev1.Pod{half("a")}, pod: makePod("p", "1", "1536Mi"), want: []string{reasonInsufficientMemory}},
		{name: "cpu and memory", node: node(), pod: makePod("p", "3", "3Gi"), want: []string{reasonInsufficientCPU, reasonInsufficientMemory}},
		{name: "ephemeral storage", node: node(), pod: makePod("p", "", "", withRequest(corev1.ResourceEphemeralStorage, "101Gi")), want: []string{reasonInsufficientStorage}},
		{name: "too many pods", node: node(withAllocatable(corev1.ResourcePods, "1")), existing: []*corev1.Pod{makePod("a", "", "", onNode("n"))},
			pod: makePod("p", "", ""), want: []string{reasonTooManyPods}},
		{name: "too many pods and cpu", node: node(withAllocatable(corev1.ResourcePods, "1")), existing: []*corev1.Pod{half("a")},
			pod: makePod("p", "2", ""), want: []string{reasonTooManyPods, reasonInsufficientCPU}},
		{name: "best effort fits a full node", node: node(), existing: []*corev1.Pod{half("a"), half("b")}, pod: makePod("p", "", "")},
		{name: "terminated pods release", node: node(), existing: []*corev1.Pod{half("a"), makePod("b", "1", "1Gi", onNode("n"), func(p *corev1.Pod) { p.Status.Phase = corev1.PodSucceeded })},
			pod: makePod("p", "1", "1Gi")},
		{name: "init container counts at its max", node: node(), pod: makePod("p", "1", "", withInit("3", false)), want: []string{reasonInsufficientCPU}},
		{name: "init containers run one at a time", node: node(), pod: makePod("p", "1", "", withInit("2", false), withInit("2", false))},
		{name: "sidecars add up", node: node(), pod: makePod("p", "1", "", withInit("1", true), withInit("500m", true)), want: []string{reasonInsufficientCPU}},
		{name: "init beside earlier sidecar", node: node(), pod: makePod("p", "", "", withInit("1", true), withInit("1500m", false)), want: []string{reasonInsufficientCPU}},
		{name: "overhead", node: node(), pod: makePod("p", "2", "", func(p *corev1.Pod) { p.Spec.Overhead = requests("100m", "") }), want: []string{reasonInsufficientCPU}},
		{name: "pod-level requests replace containers'", node: node(), pod: makePod("p", "3", "", func(p *corev1.Pod) {
			p.Spec.Resources = &corev1.ResourceRequirements{Requests: requests("2", "")}
		})},
		{name: "extended resource missing", node: node(), pod: makePod("p", "", "", withRequest(gpu, "1")), want: []string{"Insufficient example.com/gpu"}},
		{name: "extended resource used up", node: node(withAllocatable(gpu, "1")), existing: []*corev1.Pod{makePod("a", "", "", onNode("n"), withRequest(gpu, "1"))},
			pod: makePod("p", "", "", withRequest(gpu, "1")), want: []string{"Insufficient example.com/gpu"}},
		{name: "extended resource free", node: node(withAllocatable(gpu, "2")), existing: []*corev1.Pod{makePod("a", "", "", onNode("n"), withRequest(gpu, "1"))},
			pod: makePod("p", "", "", withRequest(gpu, "1"))},
	}
	runFilterCases(t, filterResources, cases)
}

func TestPodRequestsNonZero(t *testing.T) {
	cases := []struct {
		name     string
		pod      *corev1.Pod
		cpu, mem int64
	}{
		{"no requests", makePod("p", "", ""), defaultMilliCPURequest, defaultMemoryRequest},
		{"cpu only", makePod("p", "250m", ""), 250, defaultMemoryRequest},
		{"both", makePod("p", "1", "1Gi"), 1000, 1 << 30},
		{"explicit zero stays zero", makePod("p", "0", "0"), 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := podRequests(tc.pod, true)
			if r.milliCPU != tc.cpu || r.memory != tc.mem {
				t.Errorf("non-zero requests = %dm, %d; want %dm, %d", r.milliCPU, r.memory, tc.cpu, tc.mem)
			}
		})
	}
}
