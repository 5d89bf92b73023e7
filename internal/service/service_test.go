package service

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kubus-dev/kubus/services/apiserver/apiservertest"
)

// TestFailedTermIsFollowedByAFreshOne: a leader whose work fails gives up
// its term and leads again with a fresh metrics registry, instead of
// crashing on metrics registered twice.
func TestFailedTermIsFollowedByAFreshOne(t *testing.T) {
	c := apiservertest.Start(t)
	var terms atomic.Int32
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Config{Name: "term-test", NATSURL: c.Bus.URL, LeaderElect: true},
			func(ctx context.Context, env Env) error {
				env.Metrics.MustRegister(prometheus.NewCounter(prometheus.CounterOpts{Name: "term_test_total"}))
				if terms.Add(1) == 1 {
					return errors.New("first term fails")
				}
				<-ctx.Done()
				return nil
			})
	}()
	apiservertest.Eventually(t, "a second leadership term", func() bool { return terms.Load() >= 2 })
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
}
