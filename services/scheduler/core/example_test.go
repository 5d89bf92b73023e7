package core

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// A scheduling loop: decide, bind (not shown), then assume the pod at once so
// the next decision sees its requests.
func ExampleSnapshot_Schedule() {
	s := NewSnapshot([]*corev1.Node{makeNode("a", "2", "4Gi"), makeNode("b", "2", "4Gi")}, nil)
	for _, name := range []string{"p1", "p2", "p3"} {
		pod := makePod(name, "2", "1Gi")
		node, err := s.Schedule(pod)
		if err != nil {
			fmt.Println(name, err)
			continue
		}
		pod.Spec.NodeName = node // after a successful bind
		s.AddPod(pod)
		fmt.Println(name, "bound")
	}
	// Output:
	// p1 bound
	// p2 bound
	// p3 0/2 nodes are available: 2 Insufficient cpu.
}
