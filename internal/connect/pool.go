package connect

import (
	"context"
	"fmt"
	"sync"

	"github.com/kubus-dev/kubus/client"
)

// Pool is shared by the services that kubus server runs in one process:
// one bus connection and one cache, so that each change is received and
// decoded once per process rather than once per service.
type Pool struct {
	mu     sync.Mutex
	url    string
	shared *Handles
}

type poolKey struct{}

// WithPool returns a context whose services share a Pool; Close it once
// they have all stopped.
func WithPool(ctx context.Context) (context.Context, *Pool) {
	p := &Pool{}
	return context.WithValue(ctx, poolKey{}, p), p
}

func poolFrom(ctx context.Context) *Pool {
	p, _ := ctx.Value(poolKey{}).(*Pool)
	return p
}

func (p *Pool) open(ctx context.Context, natsURL, name string) (*Handles, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shared == nil {
		h, err := dial(ctx, natsURL, "kubus-services")
		if err != nil {
			return nil, err
		}
		p.shared, p.url = h, natsURL
	}
	if p.url != natsURL {
		return nil, fmt.Errorf("connect: pool is on %s, not %s", p.url, natsURL)
	}
	c, err := client.New(client.Config{Bus: p.shared.Conn, User: "system:kubus:" + name})
	if err != nil {
		return nil, err
	}
	return &Handles{Conn: p.shared.Conn, KV: p.shared.KV, Cache: p.shared.Cache, Client: c}, nil
}

// Close closes the shared connection.
func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shared != nil {
		p.shared.Close()
		p.shared = nil
	}
}
