package e2e

import (
	"strings"
	"testing"

	"github.com/kubus-dev/kubus/e2e/cluster"
)

// TestKubectl runs the commands of a kubectl user against one server, in
// order: later steps use what earlier ones made.
func TestKubectl(t *testing.T) {
	s := cluster.StartServer(t)
	k := cluster.NewKubectl(t, s.Kubeconfig())

	t.Run("apply creates then updates", func(t *testing.T) {
		if out := k.Apply(deployV1, "apply", "-f", "-"); !strings.Contains(out, "deployment.apps/demo created") {
			t.Fatalf("apply: %q", out)
		}
		out := k.Apply(strings.Replace(deployV1, "nginx:1.27", "nginx:1.28", 1), "apply", "-f", "-")
		if !strings.Contains(out, "deployment.apps/demo configured") {
			t.Fatalf("second apply: %q", out)
		}
		if img := k.OK("get", "deploy", "demo", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}"); img != "nginx:1.28 2" {
			t.Fatalf("image and generation after apply = %q, want %q", img, "nginx:1.28 2")
		}
	})
	t.Run("create and get", func(t *testing.T) {
		if out := k.Apply(podManifest, "create", "-f", "-"); !strings.Contains(out, "pod/p1 created") {
			t.Fatalf("create: %q", out)
		}
		wide := k.OK("get", "pods", "-o", "wide")
		for _, col := range []string{"NAME", "READY", "STATUS", "NODE", "NOMINATED NODE", "p1", "0/1", "Pending"} {
			if !strings.Contains(wide, col) {
				t.Errorf("get -o wide lacks %q:\n%s", col, wide)
			}
		}
		if y := k.OK("get", "pod", "p1", "-o", "yaml"); !strings.Contains(y, "protocol: TCP") || !strings.Contains(y, "uid:") {
			t.Errorf("get -o yaml lacks defaults or uid:\n%s", y)
		}
		if got := k.OK("get", "pods", "-l", "app=p", "-o", "jsonpath={.items[*].metadata.name}"); got != "p1" {
			t.Errorf("get -l app=p = %q", got)
		}
		if got := k.OK("get", "pods", "-l", "app in (x,y)", "-o", "name"); got != "" {
			t.Errorf("set-based selector matched %q", got)
		}
		if all := k.OK("get", "svc", "-A"); !strings.Contains(all, "default") || !strings.Contains(all, "kubernetes") {
			t.Errorf("get svc -A:\n%s", all)
		}
	})
	t.Run("create existing is AlreadyExists", func(t *testing.T) {
		if e := k.Fails(podManifest, "create", "-f", "-"); !strings.Contains(e, `Error from server (AlreadyExists): error when creating "STDIN": pods "p1" already exists`) {
			t.Fatalf("stderr: %s", e)
		}
	})
	t.Run("describe shows defaults", func(t *testing.T) {
		d := k.OK("describe", "pod", "p1")
		for _, want := range []string{"Name:             p1", "8080/TCP", "Status:           Pending"} {
			if !strings.Contains(d, want) {
				t.Errorf("describe lacks %q:\n%s", want, d)
			}
		}
	})
	t.Run("label annotate patch", func(t *testing.T) {
		k.OK("label", "pod", "p1", "tier=web")
		k.OK("annotate", "pod", "p1", "note=hello")
		k.OK("patch", "pod", "p1", "-p", `{"metadata":{"labels":{"smp":"yes"}}}`)
		k.OK("patch", "pod", "p1", "--type=merge", "-p", `{"metadata":{"labels":{"merge":"yes"}}}`)
		k.OK("patch", "pod", "p1", "--type=json", "-p", `[{"op":"add","path":"/metadata/labels/json","value":"yes"}]`)
		got := k.OK("get", "pod", "p1", "-o", "jsonpath={.metadata.labels.tier},{.metadata.annotations.note},{.metadata.labels.smp},{.metadata.labels.merge},{.metadata.labels.json}")
		if got != "web,hello,yes,yes,yes" {
			t.Fatalf("labels and annotations = %q", got)
		}
	})
	t.Run("replace with stale resourceVersion conflicts", func(t *testing.T) {
		old := k.OK("get", "pod", "p1", "-o", "yaml")
		k.OK("label", "pod", "p1", "bump=1")
		if e := k.Fails(old, "replace", "-f", "-"); !strings.Contains(e, "Error from server (Conflict)") {
			t.Fatalf("stderr: %s", e)
		}
	})
	t.Run("scale", func(t *testing.T) {
		k.OK("scale", "deploy", "demo", "--replicas=5")
		if got := k.OK("get", "deploy", "demo", "-o", "jsonpath={.spec.replicas}"); got != "5" {
			t.Fatalf("replicas = %q", got)
		}
	})
	t.Run("get all and api-resources", func(t *testing.T) {
		k.Apply(serviceManifest, "apply", "-f", "-")
		all := k.OK("get", "all")
		for _, want := range []string{"pod/p1", "service/web", "deployment.apps/demo"} {
			if !strings.Contains(all, want) {
				t.Errorf("get all lacks %q:\n%s", want, all)
			}
		}
		res := k.OK("api-resources")
		for _, want := range []string{"deployments", "deploy", "apps/v1", "leases", "endpointslices"} {
			if !strings.Contains(res, want) {
				t.Errorf("api-resources lacks %q", want)
			}
		}
	})
	t.Run("delete waits until gone", func(t *testing.T) {
		if out := k.OK("delete", "pod", "p1"); !strings.Contains(out, `pod "p1" deleted`) {
			t.Fatalf("delete: %q", out)
		}
		if e := k.Fails("", "get", "pod", "p1"); !strings.Contains(e, `Error from server (NotFound): pods "p1" not found`) {
			t.Fatalf("get after delete: %s", e)
		}
	})
	t.Run("server-side apply", func(t *testing.T) {
		ssa := strings.NewReplacer("name: demo", "name: ssa", "app: demo", "app: ssa")
		if out := k.Apply(ssa.Replace(deployV1), "apply", "--server-side", "-f", "-"); !strings.Contains(out, "deployment.apps/ssa serverside-applied") {
			t.Fatalf("apply --server-side: %q", out)
		}
		k.Apply(strings.Replace(ssa.Replace(deployV1), "nginx:1.27", "nginx:1.29", 1), "apply", "--server-side", "-f", "-")
		if img := k.OK("get", "deploy", "ssa", "-o", "jsonpath={.spec.template.spec.containers[0].image}"); img != "nginx:1.29" {
			t.Fatalf("image after second apply = %q", img)
		}
		other := strings.Replace(ssa.Replace(deployV1), "replicas: 2", "replicas: 7", 1)
		if e := k.Fails(other, "apply", "--server-side", "--field-manager=other", "-f", "-"); !strings.Contains(e, `with "kubectl"`) || !strings.Contains(e, ".spec.replicas") {
			t.Fatalf("conflicting apply: %s", e)
		}
		k.Apply(other, "apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-")
		if got := k.OK("get", "deploy", "ssa", "-o", "jsonpath={.spec.replicas}"); got != "7" {
			t.Fatalf("replicas after forced apply = %q", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name  string
			stdin string
			args  []string
			want  string
		}{
			{"invalid name", "", []string{"run", "Bad_Name", "--image=x"}, `The Pod "Bad_Name" is invalid`},
			{"unknown field", unknownFieldPod, []string{"create", "-f", "-"}, `strict decoding error: unknown field "spec.foo"`},
			{"missing object", "", []string{"get", "deploy", "nope"}, `Error from server (NotFound): deployments.apps "nope" not found`},
			{"unknown resource", "", []string{"get", "foos"}, `the server doesn't have a resource type "foos"`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if e := k.Fails(tt.stdin, tt.args...); !strings.Contains(e, tt.want) {
					t.Fatalf("stderr %q lacks %q", e, tt.want)
				}
			})
		}
	})
}
