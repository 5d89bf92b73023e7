package core

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// required is a required node affinity of the given terms.
func required(terms ...corev1.NodeSelectorTerm) podOpt {
	return withAffinity(&corev1.NodeAffinity{RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{NodeSelectorTerms: terms}})
}

func expr(key string, op corev1.NodeSelectorOperator, values ...string) corev1.NodeSelectorRequirement {
	return corev1.NodeSelectorRequirement{Key: key, Operator: op, Values: values}
}

func term(exprs ...corev1.NodeSelectorRequirement) corev1.NodeSelectorTerm {
	return corev1.NodeSelectorTerm{MatchExpressions: exprs}
}

func fieldTerm(exprs ...corev1.NodeSelectorRequirement) corev1.NodeSelectorTerm {
	return corev1.NodeSelectorTerm{MatchFields: exprs}
}

func TestFilterNodeAffinity(t *testing.T) {
	node := func() *corev1.Node { return makeNode("n1", "1", "1Gi", withLabels("zone", "a", "gen", "5")) }
	selector := func(kv ...string) podOpt {
		return func(p *corev1.Pod) {
			p.Spec.NodeSelector = map[string]string{}
			for i := 0; i < len(kv); i += 2 {
				p.Spec.NodeSelector[kv[i]] = kv[i+1]
			}
		}
	}
	in, notIn := corev1.NodeSelectorOpIn, corev1.NodeSelectorOpNotIn
	exists, absent := corev1.NodeSelectorOpExists, corev1.NodeSelectorOpDoesNotExist
	gt, lt := corev1.NodeSelectorOpGt, corev1.NodeSelectorOpLt
	no := []string{reasonAffinity}
	cases := []struct {
		name string
		opt  podOpt
		want []string
	}{
		{"no constraint", func(*corev1.Pod) {}, nil},
		{"selector matches", selector("zone", "a"), nil},
		{"selector other value", selector("zone", "b"), no},
		{"selector missing label", selector("disk", ""), no},
		{"selector partly matches", selector("zone", "a", "gen", "4"), no},
		{"In", required(term(expr("zone", in, "b", "a"))), nil},
		{"In, no value matches", required(term(expr("zone", in, "b"))), no},
		{"NotIn", required(term(expr("zone", notIn, "b"))), nil},
		{"NotIn, value matches", required(term(expr("zone", notIn, "a"))), no},
		{"NotIn, label absent", required(term(expr("disk", notIn, "ssd"))), nil},
		{"Exists", required(term(expr("zone", exists))), nil},
		{"Exists, absent", required(term(expr("disk", exists))), no},
		{"DoesNotExist", required(term(expr("disk", absent))), nil},
		{"DoesNotExist, present", required(term(expr("zone", absent))), no},
		{"Gt", required(term(expr("gen", gt, "4"))), nil},
		{"Gt, equal", required(term(expr("gen", gt, "5"))), no},
		{"Lt", required(term(expr("gen", lt, "6"))), nil},
		{"Lt, label not a number", required(term(expr("zone", lt, "6"))), no},
		{"expressions are ANDed", required(term(expr("zone", in, "a"), expr("gen", gt, "7"))), no},
		{"terms are ORed", required(term(expr("zone", in, "b")), term(expr("gen", lt, "7"))), nil},
		{"no terms", required(), no},
		{"empty term", required(corev1.NodeSelectorTerm{}), no},
		{"invalid term skipped", required(term(expr("zone", "Near", "a")), term(expr("zone", exists))), nil},
		{"invalid term only", required(term(expr("gen", gt, "x"))), no},
		{"field In", required(fieldTerm(expr(nodeNameField, in, "n1"))), nil},
		{"field In, other node", required(fieldTerm(expr(nodeNameField, in, "n2"))), no},
		{"field NotIn", required(fieldTerm(expr(nodeNameField, notIn, "n1"))), no},
		{"field with two values is invalid", required(fieldTerm(expr(nodeNameField, in, "n1", "n2"))), no},
		{"fields and expressions ANDed", required(corev1.NodeSelectorTerm{
			MatchExpressions: []corev1.NodeSelectorRequirement{expr("zone", in, "a")},
			MatchFields:      []corev1.NodeSelectorRequirement{expr(nodeNameField, in, "n1")},
		}), nil},
		{"selector and affinity both needed", func(p *corev1.Pod) {
			selector("zone", "b")(p)
			required(term(expr("zone", exists)))(p)
		}, no},
	}
	fc := make([]filterCase, 0, len(cases))
	for _, c := range cases {
		fc = append(fc, filterCase{name: c.name, node: node(), pod: makePod("p", "", "", c.opt), want: c.want})
	}
	runFilterCases(t, filterNodeAffinity, fc)
}
