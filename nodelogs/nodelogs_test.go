package nodelogs

import (
	"strings"
	"testing"
)

func TestSubjectIsOneTokenPerNode(t *testing.T) {
	for _, node := range []string{"sim-0", "node-1.example.com", "a.b.c"} {
		s := Subject(node)
		parts := strings.Split(s, ".")
		if len(parts) != 4 || parts[0] != "kubus" || parts[1] != "node" || parts[3] != "logs" {
			t.Errorf("Subject(%q) = %q: AnySubject would not match it", node, s)
		}
	}
	if Subject("a.b") == Subject("a-b") {
		t.Error("two node names share a subject")
	}
}
