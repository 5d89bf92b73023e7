package printers

import (
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// eventPrinter follows upstream: "Last Seen" comes first and the name is
// a wide column at the end (still with format "name").
func eventPrinter() Printer {
	doc := corev1.Event{}.SwaggerDoc()
	name := nameColumn()
	return Printer{
		Columns: []metav1.TableColumnDefinition{
			column("Last Seen", doc["lastTimestamp"]),
			column("Type", doc["type"]),
			column("Reason", doc["reason"]),
			column("Object", doc["involvedObject"]),
			wide(column("Subobject", corev1.ObjectReference{}.SwaggerDoc()["fieldPath"])),
			wide(column("Source", doc["source"])),
			column("Message", doc["message"]),
			wide(column("First Seen", doc["firstTimestamp"])),
			wide(column("Count", doc["count"])),
			wide(name),
		},
		Cells: typed(eventCells),
	}
}

func eventCells(ev *corev1.Event, now time.Time) []interface{} {
	firstSeen := age(ev.FirstTimestamp, now)
	if ev.FirstTimestamp.IsZero() {
		firstSeen = microAge(ev.EventTime, now)
	}
	lastSeen := age(ev.LastTimestamp, now)
	if ev.LastTimestamp.IsZero() {
		lastSeen = firstSeen
	}
	count := ev.Count
	if ev.Series != nil {
		lastSeen = microAge(ev.Series.LastObservedTime, now)
		count = ev.Series.Count
	} else if count == 0 {
		count = 1 // singleton events of the new API carry no count
	}
	return []interface{}{
		lastSeen,
		ev.Type,
		ev.Reason,
		eventObject(ev.InvolvedObject),
		ev.InvolvedObject.FieldPath,
		eventSource(ev),
		strings.TrimSpace(ev.Message),
		firstSeen,
		int64(count),
		ev.Name,
	}
}

// eventObject is "kind/name" in lower-case kind, e.g. "pod/web-0".
func eventObject(ref corev1.ObjectReference) string {
	kind := strings.ToLower(ref.Kind)
	if ref.Name == "" {
		return kind
	}
	return kind + "/" + ref.Name
}

// eventSource is "component, host", falling back to the reporting fields.
func eventSource(ev *corev1.Event) string {
	component := orDefault(ev.Source.Component, ev.ReportingController)
	instance := orDefault(ev.Source.Host, ev.ReportingInstance)
	if instance == "" {
		return component
	}
	return component + ", " + instance
}
