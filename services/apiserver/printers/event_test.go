package printers

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestEventRows(t *testing.T) {
	pulled := &corev1.Event{
		ObjectMeta: objMeta("web-0.17f3a", time.Hour),
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Name: "web-0", Namespace: "default",
			FieldPath: "spec.containers{app}"},
		Reason: "Pulled", Message: "Successfully pulled image \"nginx:1.27\"\n", Type: corev1.EventTypeNormal,
		Source:         corev1.EventSource{Component: "kubelet", Host: "node-1"},
		FirstTimestamp: ago(time.Hour), LastTimestamp: ago(3 * time.Minute), Count: 4,
	}
	series := &corev1.Event{
		ObjectMeta:          objMeta("node-1.abc", time.Hour),
		InvolvedObject:      corev1.ObjectReference{Kind: "Node", Name: "node-1"},
		Reason:              "NodeNotReady",
		Message:             "Node node-1 status is now: NodeNotReady",
		Type:                corev1.EventTypeWarning,
		EventTime:           metav1.NewMicroTime(now.Add(-20 * time.Minute)),
		Series:              &corev1.EventSeries{Count: 7, LastObservedTime: metav1.NewMicroTime(now.Add(-30 * time.Second))},
		ReportingController: "node-controller",
	}
	singleton := &corev1.Event{
		ObjectMeta:          objMeta("sched.1", time.Minute),
		InvolvedObject:      corev1.ObjectReference{Kind: "Pod", Name: "web-1"},
		Reason:              "Scheduled",
		Message:             "Successfully assigned default/web-1 to node-2",
		Type:                corev1.EventTypeNormal,
		EventTime:           metav1.NewMicroTime(now.Add(-45 * time.Second)),
		ReportingController: "default-scheduler",
		ReportingInstance:   "default-scheduler-cp-1",
	}
	cluster := &corev1.Event{ObjectMeta: objMeta("x", time.Minute), InvolvedObject: corev1.ObjectReference{Kind: "Namespace"}}

	checkRows(t, schema.GroupResource{Resource: "events"}, []rowCase{
		{"classic", pulled, []interface{}{"3m", "Normal", "Pulled", "pod/web-0", "spec.containers{app}", "kubelet, node-1",
			"Successfully pulled image \"nginx:1.27\"", "60m", int64(4), "web-0.17f3a"}},
		{"series", series, []interface{}{"30s", "Warning", "NodeNotReady", "node/node-1", "", "node-controller",
			"Node node-1 status is now: NodeNotReady", "20m", int64(7), "node-1.abc"}},
		{"singleton", singleton, []interface{}{"45s", "Normal", "Scheduled", "pod/web-1", "", "default-scheduler, default-scheduler-cp-1",
			"Successfully assigned default/web-1 to node-2", "45s", int64(1), "sched.1"}},
		{"no timestamps", cluster, []interface{}{"<unknown>", "", "", "namespace", "", "", "", "<unknown>", int64(1), "x"}},
	})
}

func TestEventColumnsOrder(t *testing.T) {
	p, _ := For(schema.GroupResource{Resource: "events"})
	var names []string
	var priorities []int32
	for _, c := range p.Columns {
		names = append(names, c.Name)
		priorities = append(priorities, c.Priority)
	}
	want := []string{"Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"}
	wantPrio := []int32{0, 0, 0, 0, 1, 1, 0, 1, 1, 1}
	for i := range want {
		if names[i] != want[i] || priorities[i] != wantPrio[i] {
			t.Fatalf("columns = %v %v, want %v %v", names, priorities, want, wantPrio)
		}
	}
}
