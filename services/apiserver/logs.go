package apiserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/services/apiserver/rest"
)

// NodeLogsSubject is where the kubelet of node answers log requests: the
// bus takes the place of kube-apiserver's HTTPS call to port 10250.
func NodeLogsSubject(node string) string { return "kubus.node." + node + ".logs" }

// busLogs fetches container logs from the node's kubelet over the bus.
type busLogs struct{ bus bus.Requester }

func (b busLogs) Logs(ctx context.Context, node string, req rest.LogRequest) ([]byte, error) {
	data, _ := json.Marshal(req)
	out, err := b.bus.Request(ctx, NodeLogsSubject(node), data)
	if errors.Is(err, bus.ErrUnavailable) {
		return nil, apierrors.NewServiceUnavailable(fmt.Sprintf("the kubelet of node %q does not answer", node))
	}
	return out, err
}
