package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	apierrors "k8s.io/apimachinery/pkg/api/errors"

	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
	"github.com/kubus-dev/kubus/resources"
)

// PageSize is how many objects ListPages asks for at a time, as
// client-go's pager does: a reply is one bus message, and a whole
// collection of thousands of nodes would not fit in one.
const PageSize = 500

// ListPages reads the collection of r in namespace ns ("" for all) a page
// at a time, passing each page's JSON list to page. A page too large for
// one bus message is asked for again with half the limit.
func (c *Client) ListPages(ctx context.Context, r resources.Resource, ns string, page func(list []byte) error) error {
	next, limit := "", PageSize
	for {
		q := url.Values{"limit": {strconv.Itoa(limit)}}
		if next != "" {
			q.Set("continue", next)
		}
		resp, err := c.Do(ctx, &kubusv1.APIRequest{Method: http.MethodGet, Path: Path(r, ns, "", ""), Query: q.Encode(), Accept: "application/json"})
		if apierrors.IsRequestEntityTooLargeError(err) && limit > 1 {
			limit /= 2
			continue
		}
		if err != nil {
			return err
		}
		if err := page(resp.Body); err != nil {
			return err
		}
		var meta struct {
			Metadata struct {
				Continue string `json:"continue"`
			} `json:"metadata"`
		}
		if err := json.Unmarshal(resp.Body, &meta); err != nil {
			return err
		}
		if next = meta.Metadata.Continue; next == "" {
			return nil
		}
	}
}
