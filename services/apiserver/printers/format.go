package printers

import (
	"fmt"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/duration"
)

// maxListed is how many entries upstream prints before "+ N more...".
const maxListed = 3

var objectMetaDoc = metav1.ObjectMeta{}.SwaggerDoc()

func nameColumn() metav1.TableColumnDefinition {
	return metav1.TableColumnDefinition{Name: "Name", Type: "string", Format: "name", Description: objectMetaDoc["name"]}
}

func ageColumn() metav1.TableColumnDefinition {
	return column("Age", objectMetaDoc["creationTimestamp"])
}

// column is a priority-0 string column.
func column(name, description string) metav1.TableColumnDefinition {
	return metav1.TableColumnDefinition{Name: name, Type: "string", Description: description}
}

func intColumn(name, description string) metav1.TableColumnDefinition {
	return metav1.TableColumnDefinition{Name: name, Type: "integer", Description: description}
}

// wide marks a column as priority 1 (shown by `kubectl get -o wide`).
func wide(c metav1.TableColumnDefinition) metav1.TableColumnDefinition {
	c.Priority = 1
	return c
}

// age renders the time elapsed since ts like `kubectl get` does.
func age(ts metav1.Time, now time.Time) string {
	if ts.IsZero() {
		return "<unknown>"
	}
	return duration.HumanDuration(now.Sub(ts.Time))
}

func microAge(ts metav1.MicroTime, now time.Time) string {
	if ts.IsZero() {
		return "<unknown>"
	}
	return duration.HumanDuration(now.Sub(ts.Time))
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// containerCells lays out container names and images, comma separated.
func containerCells(containers []corev1.Container) (names, images string) {
	n := make([]string, len(containers))
	im := make([]string, len(containers))
	for i, c := range containers {
		n[i], im[i] = c.Name, c.Image
	}
	return strings.Join(n, ","), strings.Join(im, ",")
}

// truncatedList collects up to maxListed items and counts the rest.
type truncatedList struct {
	items []string
	total int
}

func (l *truncatedList) add(s string) {
	if len(l.items) < maxListed {
		l.items = append(l.items, s)
	}
	l.total++
}

// String joins the items, e.g. "a,b,c + 2 more..."; empty is "".
func (l *truncatedList) String() string {
	ret := strings.Join(l.items, ",")
	if l.total > maxListed {
		return fmt.Sprintf("%s + %d more...", ret, l.total-maxListed)
	}
	return ret
}
