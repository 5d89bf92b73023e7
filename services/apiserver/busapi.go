package apiserver

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/kubus-dev/kubus/bus"
	kubusv1 "github.com/kubus-dev/kubus/proto/kubus/v1"
)

// busResponder answers API requests arriving over NATS with the same
// handler as HTTPS. The bus connection is authenticated by NATS itself.
// A reply must fit one message of at most maxPayload bytes.
func busResponder(h http.Handler, maxPayload int64) func(ctx context.Context, data []byte) []byte {
	return func(ctx context.Context, data []byte) []byte {
		var req kubusv1.APIRequest
		if err := proto.Unmarshal(data, &req); err != nil {
			return reply(http.StatusBadRequest, "application/json", statusJSON(http.StatusBadRequest, "BadRequest", "malformed APIRequest: "+err.Error()), nil)
		}
		if q, _ := url.ParseQuery(req.Query); q.Get("watch") == "true" || q.Get("follow") == "true" {
			return reply(http.StatusBadRequest, "application/json", statusJSON(http.StatusBadRequest, "BadRequest", "streams are not served over request-reply: use a bus informer"), nil)
		}
		rec := call(ctx, h, &req)
		out := reply(int32(rec.code), rec.header.Get("Content-Type"), rec.body.Bytes(), rec.header.Values("Warning"))
		if int64(len(out)) > maxPayload {
			return reply(http.StatusRequestEntityTooLarge, "application/json", statusJSON(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", tooLarge(req.Method, len(out), maxPayload)), nil)
		}
		return out
	}
}

// call runs one request through h in process.
func call(ctx context.Context, h http.Handler, req *kubusv1.APIRequest) *memWriter {
	r, err := http.NewRequestWithContext(ctx, req.Method, req.Path, bytes.NewReader(req.Body))
	rec := &memWriter{header: http.Header{}, code: http.StatusOK}
	if err != nil {
		rec.code = http.StatusBadRequest
		rec.body.Write(statusJSON(http.StatusBadRequest, "BadRequest", err.Error()))
		return rec
	}
	r.URL.RawQuery = req.Query
	r.Header.Set("Content-Type", req.ContentType)
	r.Header.Set("Accept", req.Accept)
	h.ServeHTTP(rec, r)
	return rec
}

// tooLarge says plainly, rather than leaving the caller to time out, that
// an answer does not fit one bus message, and whether the request took
// effect all the same.
func tooLarge(method string, size int, maxPayload int64) string {
	if method == http.MethodGet {
		return fmt.Sprintf("the response (%d bytes) exceeds the bus's maximum message size (%d bytes): list with limit and continue", size, maxPayload)
	}
	return fmt.Sprintf("the %s was carried out, but its response (%d bytes) exceeds the bus's maximum message size (%d bytes)", method, size, maxPayload)
}

func reply(code int32, ct string, body []byte, warnings []string) []byte {
	out, _ := proto.Marshal(&kubusv1.APIResponse{Code: code, ContentType: ct, Body: body, Warnings: warnings})
	return out
}

func statusJSON(code int, reason, msg string) []byte {
	return mustJSON(map[string]any{"kind": "Status", "apiVersion": "v1", "metadata": map[string]any{}, "status": "Failure",
		"message": msg, "reason": reason, "code": code})
}

// memWriter is an in-memory ResponseWriter.
type memWriter struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (m *memWriter) Header() http.Header         { return m.header }
func (m *memWriter) Write(b []byte) (int, error) { return m.body.Write(b) }
func (m *memWriter) WriteHeader(code int)        { m.code = code }

// waitBusAnswers returns once this apiserver's bus responder answers, so
// that "ready" means ready on the bus too, not only on HTTPS.
func waitBusAnswers(ctx context.Context, conn *bus.Conn) error {
	req, _ := proto.Marshal(&kubusv1.APIRequest{Method: http.MethodGet, Path: "/version"})
	for {
		if _, err := conn.Request(ctx, APISubject, req); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}
