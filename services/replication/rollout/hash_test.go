package rollout

import (
	"fmt"
	"strings"
	"testing"
)

func TestComputeHash(t *testing.T) {
	seen := map[string]int{}
	for i := range 1000 {
		tmpl := template(fmt.Sprintf("registry/cats:v0.%d.0", i))
		h := ComputeHash(&tmpl, nil)
		if j, ok := seen[h]; ok {
			t.Fatalf("templates %d and %d hash alike: %s", j, i, h)
		}
		seen[h] = i
		if strings.Trim(h, "bcdfghjklmnpqrstvwxz2456789") != "" {
			t.Fatalf("hash %q has characters that are not safe in names", h)
		}
	}
}

func TestComputeHashStableAndCollisionCount(t *testing.T) {
	a, b := template("nginx:1"), template("nginx:1")
	a.Labels["z"], a.Labels["a"] = "1", "2"
	b.Labels["a"], b.Labels["z"] = "2", "1"
	if ComputeHash(&a, nil) != ComputeHash(&b, nil) {
		t.Fatal("equal templates hash differently")
	}
	one := int32(1)
	if ComputeHash(&a, nil) == ComputeHash(&a, &one) {
		t.Fatal("collisionCount does not change the hash")
	}
}

func TestEqualIgnoreHash(t *testing.T) {
	a, b := template("nginx:1"), template("nginx:1")
	b.Labels[HashLabel] = "abc"
	if !EqualIgnoreHash(&a, &b) {
		t.Fatal("templates differing only in pod-template-hash should be equal")
	}
	c := template("nginx:2")
	if EqualIgnoreHash(&a, &c) {
		t.Fatal("different images should differ")
	}
	if a.Labels[HashLabel] != "" || b.Labels[HashLabel] != "abc" {
		t.Fatal("EqualIgnoreHash changed its arguments")
	}
}
