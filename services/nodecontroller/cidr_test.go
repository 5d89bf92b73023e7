package nodecontroller

import (
	"errors"
	"testing"
)

func TestAllocatorHandsOutDistinctSubnets(t *testing.T) {
	a, err := newAllocator("10.244.0.0/16", 24)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, node := range []string{"a", "b", "c"} {
		p, err := a.allocate(node)
		if err != nil {
			t.Fatal(err)
		}
		if other, dup := seen[p.String()]; dup {
			t.Fatalf("%s given to %s and %s", p, other, node)
		}
		seen[p.String()] = node
	}
	if p, _ := a.allocate("a"); p.String() != "10.244.0.0/24" {
		t.Fatalf("a again: %s, want the subnet it holds", p)
	}
	if p, _ := a.allocate("c"); p.String() != "10.244.2.0/24" {
		t.Fatalf("c: %s", p)
	}
}

func TestAllocatorExhaustsAndReleases(t *testing.T) {
	a, err := newAllocator("10.0.0.0/30", 31)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.allocate("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.allocate("b"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.allocate("c"); !errors.Is(err, errCIDRsExhausted) {
		t.Fatalf("third of two subnets: %v", err)
	}
	a.release("a")
	if p, err := a.allocate("c"); err != nil || p.String() != "10.0.0.0/31" {
		t.Fatalf("after release: %s %v", p, err)
	}
}

func TestAllocatorRestoresFromNodes(t *testing.T) {
	a, _ := newAllocator("10.244.0.0/16", 24)
	for node, cidr := range map[string]string{"a": "10.244.0.0/24", "b": "10.244.1.0/24", "x": "192.168.0.0/24"} {
		if err := a.occupy(node, cidr); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.occupy("c", "10.244.1.0/24"); err == nil {
		t.Fatal("a subnet another node holds was taken again")
	}
	if p, _ := a.allocate("d"); p.String() != "10.244.2.0/24" {
		t.Fatalf("first free after restore: %s", p)
	}
}

func TestAllocatorSubnets(t *testing.T) {
	cases := []struct {
		cidr string
		mask int
		i    int
		want string
	}{
		{"10.244.0.0/16", 24, 255, "10.244.255.0/24"},
		{"10.244.7.9/16", 26, 5, "10.244.1.64/26"},
		{"fd00:10::/56", 64, 3, "fd00:10:0:3::/64"},
	}
	for _, c := range cases {
		a, err := newAllocator(c.cidr, c.mask)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.subnet(c.i).String(); got != c.want {
			t.Errorf("%s/%d #%d = %s, want %s", c.cidr, c.mask, c.i, got, c.want)
		}
		if i, ok := a.index(a.subnet(c.i)); !ok || i != c.i {
			t.Errorf("index(%s) = %d %v", c.want, i, ok)
		}
	}
	for _, bad := range []struct {
		cidr string
		mask int
	}{{"10.0.0.0/16", 16}, {"10.0.0.0/8", 25}, {"10.0.0.0/24", 33}, {"nonsense", 24}} {
		if _, err := newAllocator(bad.cidr, bad.mask); err == nil {
			t.Errorf("%s with /%d accepted", bad.cidr, bad.mask)
		}
	}
}
