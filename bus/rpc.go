package bus

import (
	"context"
	"fmt"
	"sync"

	"github.com/nats-io/nats.go"
	"go.uber.org/zap"
)

// ServeWorkers bounds how many requests one Serve handles at once; more
// wait in the subscription's buffer.
const ServeWorkers = 64

// Requests and replies are single NATS messages, so each must fit the
// server's max_payload: 1 MiB by default, 8 MiB on the embedded server.
// Larger payloads fail with nats.ErrMaxPayload.

var _ Requester = (*Conn)(nil)

// Serve answers requests on subject with h until ctx ends, then returns
// nil once every running handler has returned. Instances sharing a queue
// group split the requests between them. Handlers run concurrently, at
// most ServeWorkers at a time, and get a ctx that ends with Serve's.
func (c *Conn) Serve(ctx context.Context, subject, queue string, h Responder) error {
	work := make(chan *nats.Msg)
	sub, err := c.nc.QueueSubscribe(subject, queue, func(m *nats.Msg) {
		select {
		case work <- m:
		case <-ctx.Done():
		}
	})
	if err != nil {
		return translate(err, "serve "+subject)
	}
	var wg sync.WaitGroup
	for range ServeWorkers {
		wg.Go(func() { c.answer(ctx, work, h) })
	}
	<-ctx.Done()
	if err := sub.Unsubscribe(); err != nil {
		c.log.Debug("bus unsubscribe failed", zap.String("subject", subject), zap.Error(err))
	}
	wg.Wait()
	return nil
}

// answer is one worker: it replies to requests until ctx ends.
func (c *Conn) answer(ctx context.Context, work <-chan *nats.Msg, h Responder) {
	for {
		select {
		case m := <-work:
			c.reply(ctx, m, h)
		case <-ctx.Done():
			return
		}
	}
}

func (c *Conn) reply(ctx context.Context, m *nats.Msg, h Responder) {
	data := h(ctx, m.Data)
	if m.Reply == "" || data == nil {
		return
	}
	if err := m.Respond(data); err != nil {
		c.log.Warn("bus reply failed", zap.String("subject", m.Subject), zap.Error(err))
	}
}

// Request sends data to subject and waits for one reply. Without a
// deadline in ctx it waits the connection's timeout. ErrUnavailable means
// nobody answered: no server is listening or the reply came too late.
func (c *Conn) Request(ctx context.Context, subject string, data []byte) ([]byte, error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	m, err := c.nc.RequestWithContext(ctx, subject, data)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("request %s", subject))
	}
	return m.Data, nil
}
