package core

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/selection"
)

// nodeNameField is the one field node affinity may match on.
const nodeNameField = "metadata.name"

// selectorTerm is a NodeSelectorTerm parsed once per decision: all its
// expressions and fields must match.
type selectorTerm struct {
	labels labels.Selector // nil when the term has no matchExpressions
	fields []fieldRequirement
}

// fieldRequirement is a matchFields entry: metadata.name In or NotIn one value.
type fieldRequirement struct {
	key, value string
	in         bool
}

var selectorOps = map[corev1.NodeSelectorOperator]selection.Operator{
	corev1.NodeSelectorOpIn:           selection.In,
	corev1.NodeSelectorOpNotIn:        selection.NotIn,
	corev1.NodeSelectorOpExists:       selection.Exists,
	corev1.NodeSelectorOpDoesNotExist: selection.DoesNotExist,
	corev1.NodeSelectorOpGt:           selection.GreaterThan,
	corev1.NodeSelectorOpLt:           selection.LessThan,
}

// compileTerm parses a term as upstream's nodeaffinity helpers do. It
// reports false for a term that can match no node: an empty one, or one
// with an invalid requirement (which API validation should have refused).
func compileTerm(t *corev1.NodeSelectorTerm) (selectorTerm, bool) {
	var out selectorTerm
	if len(t.MatchExpressions) == 0 && len(t.MatchFields) == 0 {
		return out, false
	}
	if len(t.MatchExpressions) > 0 {
		reqs := make([]labels.Requirement, 0, len(t.MatchExpressions))
		for _, e := range t.MatchExpressions {
			op, ok := selectorOps[e.Operator]
			if !ok {
				return out, false
			}
			r, err := labels.NewRequirement(e.Key, op, e.Values)
			if err != nil {
				return out, false
			}
			reqs = append(reqs, *r)
		}
		out.labels = labels.NewSelector().Add(reqs...)
	}
	for _, f := range t.MatchFields {
		in := f.Operator == corev1.NodeSelectorOpIn
		if (!in && f.Operator != corev1.NodeSelectorOpNotIn) || len(f.Values) != 1 {
			return out, false
		}
		out.fields = append(out.fields, fieldRequirement{key: f.Key, value: f.Values[0], in: in})
	}
	return out, true
}

// compileTerms parses the terms, dropping those that match nothing.
func compileTerms(terms []corev1.NodeSelectorTerm) []selectorTerm {
	out := make([]selectorTerm, 0, len(terms))
	for i := range terms {
		if t, ok := compileTerm(&terms[i]); ok {
			out = append(out, t)
		}
	}
	return out
}

func (t *selectorTerm) matches(n *nodeInfo) bool {
	if t.labels != nil && !t.labels.Matches(labels.Set(n.labels)) {
		return false
	}
	for _, f := range t.fields {
		// Only metadata.name is a node field; others read as empty.
		value := ""
		if f.key == nodeNameField {
			value = n.name
		}
		if (value == f.value) != f.in {
			return false
		}
	}
	return true
}

// matchesAnyTerm: terms are ORed; no terms match no node.
func matchesAnyTerm(terms []selectorTerm, n *nodeInfo) bool {
	for i := range terms {
		if terms[i].matches(n) {
			return true
		}
	}
	return false
}
