package storage

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"sort"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// ListOptions narrows a list.
type ListOptions struct {
	Namespace string
	// Filter keeps an object when it returns true (label and field selectors).
	Filter func(runtime.Object) bool
	Limit  int64
	// Continue is the token of a previous page.
	Continue string
	// AnyVersion serves from the cache as it is (resourceVersion=0).
	AnyVersion bool
	// MinRevision waits until the cache holds at least this revision.
	MinRevision uint64
}

// ListResult is one page of a list.
type ListResult struct {
	Items     []runtime.Object
	Revision  uint64
	Continue  string
	Remaining *int64
}

type continueToken struct {
	Rev   uint64 `json:"rv"`
	Start string `json:"start"`
}

// List returns the objects of a resource that pass opts.Filter, as of one
// revision, in key order.
func (s *Store) List(ctx context.Context, r resources.Resource, opts ListOptions) (ListResult, error) {
	start, err := decodeContinue(opts.Continue)
	if err != nil {
		return ListResult{}, err
	}
	if err := s.waitList(ctx, opts); err != nil {
		return ListResult{}, err
	}
	entries, rev := s.cache.List(r.Prefix(opts.Namespace))
	sort.Slice(entries, func(i, j int) bool { return entries[i].Key < entries[j].Key })
	return page(r, entries, rev, start, opts)
}

func (s *Store) waitList(ctx context.Context, opts ListOptions) error {
	if opts.MinRevision > 0 {
		return s.cache.WaitForRevision(ctx, opts.MinRevision)
	}
	if opts.AnyVersion {
		return s.cache.WaitSynced(ctx)
	}
	_, err := s.fresh(ctx)
	return err
}

func page(r resources.Resource, entries []bus.Entry, rev uint64, start string, opts ListOptions) (ListResult, error) {
	res := ListResult{Revision: rev}
	i := sort.Search(len(entries), func(i int) bool { return entries[i].Key > start })
	for ; i < len(entries); i++ {
		if opts.Limit > 0 && int64(len(res.Items)) == opts.Limit {
			res.Continue = encodeContinue(rev, entries[i-1].Key)
			if opts.Filter == nil {
				n := int64(len(entries) - i)
				res.Remaining = &n
			}
			break
		}
		obj, err := r.DecodeStored(entries[i].Value, entries[i].Revision)
		if err != nil {
			return ListResult{}, err
		}
		if opts.Filter == nil || opts.Filter(obj) {
			res.Items = append(res.Items, obj)
		}
	}
	return res, nil
}

func encodeContinue(rev uint64, key string) string {
	b, _ := json.Marshal(continueToken{Rev: rev, Start: key})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeContinue(tok string) (string, error) {
	if tok == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(tok)
	var t continueToken
	if err == nil {
		err = json.Unmarshal(b, &t)
	}
	if err != nil {
		return "", apierrors.NewBadRequest("invalid continue token")
	}
	return t.Start, nil
}
