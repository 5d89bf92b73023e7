package resources

import "testing"

func TestKeys(t *testing.T) {
	pods, _ := Lookup("", "v1", "pods")
	nodes, _ := Lookup("", "v1", "nodes")
	leases, _ := Lookup("coordination.k8s.io", "v1", "leases")
	tests := []struct {
		name      string
		r         Resource
		ns, obj   string
		wantKey   string
		wantScope string
	}{
		{"namespaced with dots", pods, "default", "web.v1.x", "core.pods.default.web.v1.x", "core.pods.default"},
		{"cluster scoped", nodes, "", "node-1.example.com", "core.nodes._.node-1.example.com", "core.nodes._"},
		{"dotted group", leases, "kube-system", "kube-scheduler", "coordination_k8s_io.leases.kube-system.kube-scheduler", "coordination_k8s_io.leases.kube-system"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Key(tt.ns, tt.obj); got != tt.wantKey {
				t.Fatalf("Key = %q, want %q", got, tt.wantKey)
			}
			if got := tt.r.Prefix(tt.ns); got != tt.wantScope {
				t.Fatalf("Prefix = %q, want %q", got, tt.wantScope)
			}
			ns, name, ok := tt.r.SplitKey(tt.wantKey)
			if !ok || ns != tt.ns || name != tt.obj {
				t.Fatalf("SplitKey = %q %q %v", ns, name, ok)
			}
		})
	}
}

func TestLookupEveryKindRoundTrips(t *testing.T) {
	for _, r := range All() {
		got, ok := ByKind(r.GVK())
		if !ok || got.Name != r.Name {
			t.Errorf("ByKind(%v) = %v %v", r.GVK(), got.Name, ok)
		}
	}
}
