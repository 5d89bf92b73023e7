package namespace

import (
	"context"
	"encoding/json"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/kubus-dev/kubus/resources"
)

// listAll asks the apiserver what is left in namespace ns. A list is
// consistent with every write acknowledged before it, so the last word
// before finalizing comes from it rather than from the mirrors, which may
// not yet show an object created just before the namespace was deleted
// (or, right after they start, the whole namespace: client.Informer's
// WaitSynced can return before its handler has seen the first listing).
func (r *reconciler) listAll(ctx context.Context, ns string) ([]item, error) {
	var out []item
	for _, res := range resources.All() {
		if !res.Namespaced {
			continue
		}
		err := r.client.ListPages(ctx, res, ns, func(body []byte) error {
			var list struct {
				Items []metav1.PartialObjectMetadata `json:"items"`
			}
			if err := json.Unmarshal(body, &list); err != nil {
				return err
			}
			for i := range list.Items {
				out = append(out, item{res: res, obj: &list.Items[i]})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
