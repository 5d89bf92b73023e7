// Package client is how kubus services write through the apiserver: the
// Kubernetes API over NATS request-reply, typed with k8s.io/api objects,
// with the same validation and the same errors as HTTPS.
package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"google.golang.org/protobuf/proto"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/bus"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
)

// Subject is where the apiserver answers API requests.
const Subject = "kubus.api"

// Config configures a Client.
type Config struct {
	Bus bus.Requester
	// User names the calling service in the apiserver's logs.
	User string
}

// Client calls the apiserver over the bus.
type Client struct {
	cfg Config
}

// New validates cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	if cfg.Bus == nil {
		return nil, errors.New("client: Bus is required")
	}
	return &Client{cfg: cfg}, nil
}

// Response is a raw API answer.
type Response struct {
	Code        int
	ContentType string
	Body        []byte
	Warnings    []string
}

// Do sends one request. A non-2xx answer is returned as the Kubernetes
// error it carries (apierrors.IsConflict and friends work on it).
func (c *Client) Do(ctx context.Context, req *kubusv1.APIRequest) (*Response, error) {
	req.User = c.cfg.User
	data, err := proto.Marshal(req)
	if err != nil {
		return nil, err
	}
	out, err := c.cfg.Bus.Request(ctx, Subject, data)
	if err != nil {
		return nil, apierrors.NewServiceUnavailable(fmt.Sprintf("apiserver over the bus: %v", err))
	}
	var resp kubusv1.APIResponse
	if err := proto.Unmarshal(out, &resp); err != nil {
		return nil, fmt.Errorf("client: malformed reply: %w", err)
	}
	r := &Response{Code: int(resp.Code), ContentType: resp.ContentType, Body: resp.Body, Warnings: resp.Warnings}
	if r.Code < 200 || r.Code > 299 {
		return r, statusError(r)
	}
	return r, nil
}

func statusError(r *Response) error {
	var st metav1.Status
	if err := json.Unmarshal(r.Body, &st); err != nil || st.Kind != "Status" {
		return apierrors.NewGenericServerResponse(r.Code, "", resourceless, "", string(r.Body), 0, false)
	}
	if st.Code == 0 {
		st.Code = int32(r.Code)
	}
	return &apierrors.StatusError{ErrStatus: st}
}
