package apiserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/nodelogs"
)

// busLogs fetches container logs from the node's kubelet over the bus
// (see nodelogs).
type busLogs struct{ bus bus.Requester }

func (b busLogs) Logs(ctx context.Context, node string, req nodelogs.Request) ([]byte, error) {
	data, _ := json.Marshal(req)
	out, err := b.bus.Request(ctx, nodelogs.Subject(node), data)
	if errors.Is(err, bus.ErrUnavailable) {
		return nil, apierrors.NewServiceUnavailable(fmt.Sprintf("the kubelet of node %q does not answer", node))
	}
	return out, err
}
