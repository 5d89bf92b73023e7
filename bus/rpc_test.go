package bus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/bus/bustest"
)

func TestRequestReply(t *testing.T) {
	conn := bustest.New(t).Conn
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error)
	go func() {
		served <- conn.Serve(ctx, "svc.echo", "echo", func(_ context.Context, data []byte) []byte {
			return append([]byte("echo:"), data...)
		})
	}()
	eventually(t, "the server to subscribe", func() bool {
		_, err := conn.Request(t.Context(), "svc.echo", nil)
		return err == nil
	})
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			msg := fmt.Appendf(nil, "m%d", i)
			got, err := conn.Request(t.Context(), "svc.echo", msg)
			if err != nil || !bytes.Equal(got, append([]byte("echo:"), msg...)) {
				t.Errorf("Request(%s) = %q, %v", msg, got, err)
			}
		})
	}
	wg.Wait()
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
}

func TestRequestNoResponders(t *testing.T) {
	conn := bustest.New(t).Conn
	_, err := conn.Request(t.Context(), "svc.nobody", []byte("hi"))
	if !errors.Is(err, bus.ErrUnavailable) {
		t.Fatalf("Request with nobody listening: %v, want ErrUnavailable", err)
	}
}

// TestServeBoundsConcurrency holds handlers open and checks no more than
// ServeWorkers run at once, and that they all end with Serve's ctx.
func TestServeBoundsConcurrency(t *testing.T) {
	conn := bustest.New(t).Conn
	ctx, cancel := context.WithCancel(t.Context())
	var mu sync.Mutex
	running, peak := 0, 0
	served := make(chan error)
	go func() {
		served <- conn.Serve(ctx, "svc.block", "q", func(hctx context.Context, data []byte) []byte {
			if string(data) == "ping" {
				return data
			}
			mu.Lock()
			running++
			peak = max(peak, running)
			mu.Unlock()
			<-hctx.Done()
			mu.Lock()
			running--
			mu.Unlock()
			return nil
		})
	}()
	eventually(t, "the server to subscribe", func() bool {
		_, err := conn.Request(t.Context(), "svc.block", []byte("ping"))
		return err == nil
	})
	reqCtx, stopRequests := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	for range bus.ServeWorkers + 20 {
		wg.Go(func() { _, _ = conn.Request(reqCtx, "svc.block", nil) })
	}
	eventually(t, "all workers busy", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return running == bus.ServeWorkers
	})
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	stopRequests()
	wg.Wait()
	if peak != bus.ServeWorkers || running != 0 {
		t.Fatalf("peak %d running %d, want peak %d and none left", peak, running, bus.ServeWorkers)
	}
}

// TestLargeReply sends a reply above the stock 1 MiB limit, which the
// embedded server's 8 MiB max_payload allows.
func TestLargeReply(t *testing.T) {
	conn := bustest.New(t).Conn
	big := bytes.Repeat([]byte("x"), 3<<20)
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error)
	go func() {
		served <- conn.Serve(ctx, "svc.big", "big", func(context.Context, []byte) []byte { return big })
	}()
	eventually(t, "a large reply", func() bool {
		got, err := conn.Request(t.Context(), "svc.big", nil)
		return err == nil && bytes.Equal(got, big)
	})
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve returned %v", err)
	}
}

// TestServeNilDeclines: of two servers on one wildcard subject, the one
// whose answer is nil stays silent, so the request gets the other's
// answer however fast the first one is.
func TestServeNilDeclines(t *testing.T) {
	conn := bustest.New(t).Conn
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	for _, owner := range []string{"a", "b"} {
		go func() {
			_ = conn.Serve(ctx, "svc.*.who", "", func(_ context.Context, data []byte) []byte {
				if string(data) != owner {
					return nil // not ours
				}
				return []byte("answered by " + owner)
			})
		}()
	}
	eventually(t, "both servers to answer their own", func() bool {
		a, errA := conn.Request(t.Context(), "svc.x.who", []byte("a"))
		b, errB := conn.Request(t.Context(), "svc.x.who", []byte("b"))
		return errA == nil && errB == nil && string(a) == "answered by a" && string(b) == "answered by b"
	})
	for range 20 {
		got, err := conn.Request(t.Context(), "svc.x.who", []byte("b"))
		if err != nil || string(got) != "answered by b" {
			t.Fatalf("request for b: %q, %v", got, err)
		}
	}
}
