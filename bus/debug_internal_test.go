package bus

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kubus-dev/kubus/bus/embedded"
	"github.com/nats-io/nats.go/jetstream"
)

type dbgH struct{ s *Store; log []string }

func (d *dbgH) started(p uint64) bool { d.log = append(d.log, fmt.Sprint("start pending ", p)); return true }
func (d *dbgH) message(m jetstream.Msg, seq, p uint64) bool {
	d.log = append(d.log, fmt.Sprint(m.Subject(), " seq ", seq, " pending ", p, " op ", m.Headers().Get("KV-Operation")))
	return p != 0
}

func TestDebugLastPerSubject(t *testing.T) {
	srv, err := embedded.Start(t.Context(), embedded.Config{Addr: "127.0.0.1:0", DataDir: t.TempDir()})
	if err != nil { t.Fatal(err) }
	defer srv.Shutdown()
	c, err := Connect(t.Context(), ConnConfig{URL: srv.ClientURL()})
	if err != nil { t.Fatal(err) }
	kv, err := c.KV(t.Context(), KVConfig{Bucket: "d"})
	if err != nil { t.Fatal(err) }
	ctx := t.Context()
	kv.Create(ctx, "pods.a", []byte("1"))
	kv.Create(ctx, "pods.b", []byte("1"))
	stop := make(chan struct{})
	go func() {
		rev := uint64(0)
		for {
			select { case <-stop: return; default: }
			if rev == 0 { rev, _ = kv.Create(ctx, "pods.c", []byte("x")) } else { kv.Delete(ctx, "pods.c", rev); rev = 0 }
		}
	}()
	defer close(stop)
	for range 200 {
		base, _ := kv.Revision(ctx)
		h := &dbgH{s: kv}
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		kv.run(cctx, feed{filter: kv.pre + "pods.>", lastPerSubject: true}, h)
		cancel()
		n := 0
		for _, l := range h.log { if len(l) > 0 && l[0] == '$' { n++ } }
		if n < 2 || n > 3 {
			t.Fatalf("base %d: %v", base, h.log)
		}
		found := false
		for _, l := range h.log { if len(l) > 10 && l[:10] == "$KV.d.pods" && l[11] == 'c' { found = true } }
		_ = found
		t.Log(base, h.log)
	}
}
