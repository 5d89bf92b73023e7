package nodecontroller

import (
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func ready(s corev1.ConditionStatus, reason string) corev1.NodeCondition {
	return corev1.NodeCondition{Type: corev1.NodeReady, Status: s, Reason: reason}
}

// TestNodeHealthDecisions covers the condition and taints a node gets from
// whether its heartbeat is stale and what its kubelet last reported.
func TestNodeHealthDecisions(t *testing.T) {
	earlier := metav1.NewTime(time.Unix(1000, 0))
	now := metav1.NewTime(time.Unix(2000, 0))
	unreachable := corev1.Taint{Key: corev1.TaintNodeUnreachable, Effect: corev1.TaintEffectNoExecute, TimeAdded: &earlier}
	custom := corev1.Taint{Key: "example.com/gpu", Effect: corev1.TaintEffectNoSchedule}
	cases := []struct {
		name        string
		conds       []corev1.NodeCondition
		taints      []corev1.Taint
		stale       bool
		wantStatus  corev1.ConditionStatus
		wantReason  string
		wantKey     string // the controller's taint key wanted, "" for none
		wantTimeAdd metav1.Time
	}{
		{"fresh and ready", []corev1.NodeCondition{ready("True", "KubeletReady")}, nil, false, "True", "KubeletReady", "", now},
		{"silent", []corev1.NodeCondition{ready("True", "KubeletReady")}, nil, true, "Unknown", ReasonUnknown, corev1.TaintNodeUnreachable, now},
		{"silent, never posted", nil, nil, true, "Unknown", ReasonNeverUpdated, corev1.TaintNodeUnreachable, now},
		{"still silent keeps timeAdded", []corev1.NodeCondition{ready("Unknown", ReasonUnknown)}, []corev1.Taint{unreachable, custom}, true, "Unknown", ReasonUnknown, corev1.TaintNodeUnreachable, earlier},
		{"heard again", []corev1.NodeCondition{ready("Unknown", ReasonUnknown)}, []corev1.Taint{unreachable, custom}, false, "True", ReasonLeaseRenewed, "", now},
		{"kubelet says not ready", []corev1.NodeCondition{ready("False", "KubeletNotReady")}, []corev1.Taint{unreachable}, false, "False", "KubeletNotReady", corev1.TaintNodeNotReady, now},
		{"silent after not ready", []corev1.NodeCondition{ready("False", "KubeletNotReady")}, nil, true, "Unknown", ReasonUnknown, corev1.TaintNodeUnreachable, now},
		{"kubelet's own unknown stays", []corev1.NodeCondition{ready("Unknown", "Starting")}, nil, false, "Unknown", "Starting", corev1.TaintNodeUnreachable, now},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			node := &corev1.Node{Status: corev1.NodeStatus{Conditions: c.conds}, Spec: corev1.NodeSpec{Taints: c.taints}}
			before := signature(node, nil)
			node.Status.Conditions, _ = desiredConditions(node, c.stale, now)
			if signature(node, nil) != before {
				t.Fatal("the controller's own write looks like a heartbeat")
			}
			r := readyCondition(node.Status.Conditions)
			if r == nil || r.Status != c.wantStatus || r.Reason != c.wantReason {
				t.Fatalf("Ready = %+v, want %s %s", r, c.wantStatus, c.wantReason)
			}
			node.Spec.Taints, _ = desiredTaints(node, now)
			checkTaints(t, node.Spec.Taints, c.wantKey, c.wantTimeAdd)
			if _, again := desiredTaints(node, now); again {
				t.Fatal("a second pass changed the taints again")
			}
		})
	}
}

// checkTaints wants exactly key's two taints of the controller's own, and
// every other taint kept.
func checkTaints(t *testing.T, taints []corev1.Taint, key string, added metav1.Time) {
	t.Helper()
	own := 0
	for _, tn := range taints {
		switch {
		case !isOwn(tn):
		case tn.Key != key:
			t.Fatalf("unwanted taint %s", tn.ToString())
		case tn.Effect == corev1.TaintEffectNoExecute && !tn.TimeAdded.Equal(&added):
			t.Fatalf("timeAdded %v, want %v", tn.TimeAdded, added)
		default:
			own++
		}
	}
	if want := map[bool]int{true: 0, false: 2}[key == ""]; own != want {
		t.Fatalf("%d own taints in %v, want %d", own, taints, want)
	}
}

func TestConditionsUnchangedNeedNoWrite(t *testing.T) {
	node := &corev1.Node{Status: corev1.NodeStatus{Conditions: []corev1.NodeCondition{ready("True", "KubeletReady"),
		{Type: corev1.NodeMemoryPressure, Status: "False"}}}}
	if _, changed := desiredConditions(node, false, metav1.Now()); changed {
		t.Fatal("a fresh healthy node needs no write")
	}
	conds, _ := desiredConditions(node, true, metav1.Now())
	if conds[1].Status != corev1.ConditionUnknown {
		t.Fatalf("memory pressure of a silent node: %s", conds[1].Status)
	}
	if node.Status.Conditions[0].Status != "True" {
		t.Fatal("the informer's object was modified")
	}
}
