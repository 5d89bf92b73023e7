package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes/scheme"

	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/resources"
)

var (
	resourceless = schema.GroupResource{}
	codec        = resources.JSON
)

// Path is the URL path of a resource's collection, or of one object and
// subresource when name (and sub) are given.
func Path(r resources.Resource, ns, name, sub string) string {
	p := "/api/" + r.Version
	if r.Group != "" {
		p = "/apis/" + r.Group + "/" + r.Version
	}
	if r.Namespaced && ns != "" {
		p += "/namespaces/" + url.PathEscape(ns)
	}
	p += "/" + r.Name
	if name != "" {
		p += "/" + url.PathEscape(name)
	}
	if sub != "" {
		p += "/" + sub
	}
	return p
}

// Create creates obj (its kind picks the resource) and returns it as stored.
func (c *Client) Create(ctx context.Context, obj runtime.Object) (runtime.Object, error) {
	r, m, err := identify(obj)
	if err != nil {
		return nil, err
	}
	return c.send(ctx, r, http.MethodPost, Path(r, m.GetNamespace(), "", ""), obj)
}

// Update replaces obj; a stale resourceVersion gives a Conflict.
func (c *Client) Update(ctx context.Context, obj runtime.Object) (runtime.Object, error) {
	return c.update(ctx, obj, "")
}

// UpdateStatus replaces obj's status through the status subresource.
func (c *Client) UpdateStatus(ctx context.Context, obj runtime.Object) (runtime.Object, error) {
	return c.update(ctx, obj, "status")
}

func (c *Client) update(ctx context.Context, obj runtime.Object, sub string) (runtime.Object, error) {
	r, m, err := identify(obj)
	if err != nil {
		return nil, err
	}
	return c.send(ctx, r, http.MethodPut, Path(r, m.GetNamespace(), m.GetName(), sub), obj)
}

// Get reads one object.
func (c *Client) Get(ctx context.Context, r resources.Resource, ns, name string) (runtime.Object, error) {
	resp, err := c.Do(ctx, &kubusv1.APIRequest{Method: http.MethodGet, Path: Path(r, ns, name, ""), Accept: accept})
	if err != nil {
		return nil, err
	}
	return decode(r, resp)
}

// Patch applies a patch of type pt to one object (sub may be "status").
func (c *Client) Patch(ctx context.Context, r resources.Resource, ns, name, sub string, pt types.PatchType, patch []byte) (runtime.Object, error) {
	resp, err := c.Do(ctx, &kubusv1.APIRequest{Method: http.MethodPatch, Path: Path(r, ns, name, sub), ContentType: string(pt), Accept: accept, Body: patch})
	if err != nil {
		return nil, err
	}
	return decode(r, resp)
}

// Delete deletes one object with opts (nil for the defaults).
func (c *Client) Delete(ctx context.Context, r resources.Resource, ns, name string, opts *metav1.DeleteOptions) error {
	var body []byte
	if opts != nil {
		body, _ = json.Marshal(opts)
	}
	_, err := c.Do(ctx, &kubusv1.APIRequest{Method: http.MethodDelete, Path: Path(r, ns, name, ""), ContentType: "application/json", Body: body})
	return err
}

// send writes obj as Kubernetes protobuf (JSON for a kind without one)
// and asks for protobuf back: a quarter of JSON's decoding cost, on both
// sides of every write a service makes.
func (c *Client) send(ctx context.Context, r resources.Resource, method, path string, obj runtime.Object) (runtime.Object, error) {
	var buf bytes.Buffer
	ct := protobufType
	if err := resources.Proto.Encode(obj, &buf); err != nil {
		buf.Reset()
		if err := codec.Encode(obj, &buf); err != nil {
			return nil, err
		}
		ct = "application/json"
	}
	resp, err := c.Do(ctx, &kubusv1.APIRequest{Method: method, Path: path, ContentType: ct, Accept: accept, Body: buf.Bytes()})
	if err != nil {
		return nil, err
	}
	return decode(r, resp)
}

func identify(obj runtime.Object) (resources.Resource, metav1.Object, error) {
	gvks, _, err := scheme.Scheme.ObjectKinds(obj)
	if err != nil || len(gvks) == 0 {
		return resources.Resource{}, nil, fmt.Errorf("client: unknown kind %T", obj)
	}
	r, ok := resources.ByKind(gvks[0])
	if !ok {
		return resources.Resource{}, nil, fmt.Errorf("client: %v is not served", gvks[0])
	}
	obj.GetObjectKind().SetGroupVersionKind(gvks[0])
	m, err := meta.Accessor(obj)
	return r, m, err
}

const (
	protobufType = "application/vnd.kubernetes.protobuf"
	// accept prefers protobuf, as client-go does for built-in types.
	accept = protobufType + ", application/json"
)

// decode reads an answer in the content type it came in.
func decode(r resources.Resource, resp *Response) (runtime.Object, error) {
	return r.Decode(resp.Body) // JSON or protobuf, told apart by the envelope
}
