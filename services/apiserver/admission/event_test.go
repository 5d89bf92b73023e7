package admission

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func legacyEvent() *corev1.Event {
	return &corev1.Event{
		ObjectMeta:     objectMeta("web.17a3c0f2d1e4b5a6"),
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Name: "web", Namespace: "default"},
		Reason:         "Scheduled",
		Message:        "Successfully assigned default/web to node-1",
		Type:           corev1.EventTypeNormal,
	}
}

func newStyleEvent() *corev1.Event {
	e := legacyEvent()
	e.EventTime = metav1.NewMicroTime(metav1.Now().Time)
	e.ReportingController = "kubus.dev/scheduler"
	e.ReportingInstance = "scheduler-1"
	e.Action = "Binding"
	return e
}

func TestValidateEvent(t *testing.T) {
	tests := []struct {
		name  string
		event func() *corev1.Event
		want  []want
	}{
		{"legacy", legacyEvent, nil},
		{"legacy namespace mismatch", func() *corev1.Event {
			e := legacyEvent()
			e.InvolvedObject.Namespace = "kube-system"
			return e
		}, []want{invalidAt("involvedObject.namespace")}},
		{"legacy cluster-scoped object in default", func() *corev1.Event {
			e := legacyEvent()
			e.InvolvedObject = corev1.ObjectReference{Kind: "Node", Name: "node-1"}
			return e
		}, nil},
		{"new style", newStyleEvent, nil},
		{"new style without action", func() *corev1.Event {
			e := newStyleEvent()
			e.Action = ""
			return e
		}, []want{required("action")}},
		{"new style without controller", func() *corev1.Event {
			e := newStyleEvent()
			e.ReportingController = ""
			return e
		}, []want{required("reportingController")}},
		{"new style long message", func() *corev1.Event {
			e := newStyleEvent()
			e.Message = strings.Repeat("x", 2000)
			return e
		}, []want{invalidAt("message")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.event()
			Default(e)
			expectErrs(t, ValidateCreate(e), tt.want...)
		})
	}
}

func TestValidateEventUpdate(t *testing.T) {
	old := legacyEvent()
	e := old.DeepCopy()
	e.Count = 5
	e.Message = "again"
	expectErrs(t, ValidateUpdate(e, old))
}
