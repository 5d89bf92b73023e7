package core

import (
	"maps"
	"slices"
)

type labelPair struct{ key, value string }

// selectorIndex finds, among many equality selectors (Service selectors),
// those that select a set of labels. Each selector is filed under one of its
// pairs; only selectors filed under one of the labels can select them, so a
// lookup costs a map access per label instead of a match per selector.
type selectorIndex[T any] map[labelPair][]selectorEntry[T]

type selectorEntry[T any] struct {
	selector map[string]string
	value    T
}

// add files a non-empty selector under its smallest key.
func (x selectorIndex[T]) add(selector map[string]string, v T) {
	key := slices.Min(slices.Collect(maps.Keys(selector)))
	p := labelPair{key: key, value: selector[key]}
	x[p] = append(x[p], selectorEntry[T]{selector: selector, value: v})
}

// appendMatching appends the values of the selectors that select labels.
// Each selector is filed once, so each value comes at most once.
func (x selectorIndex[T]) appendMatching(out []T, labels map[string]string) []T {
	if len(x) == 0 {
		return out
	}
	for k, v := range labels {
		for _, e := range x[labelPair{key: k, value: v}] {
			if selects(e.selector, labels) {
				out = append(out, e.value)
			}
		}
	}
	return out
}

// selects reports whether every pair of selector is among labels.
func selects(selector, labels map[string]string) bool {
	for k, v := range selector {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	return true
}
