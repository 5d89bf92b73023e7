package podcontrol

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestSlowStart(t *testing.T) {
	tests := []struct {
		name      string
		count     int
		failAfter int64 // calls beyond this fail; -1 never
		wantOK    int
		wantCalls int64
	}{
		{"all succeed", 10, -1, 10, 10},
		{"none asked", 0, -1, 0, 0},
		{"first call fails: no more tried", 100, 0, 0, 1},
		// batches 1, 2, 4: the third batch has 1 success and 3 failures.
		{"stops after the failing batch", 100, 4, 4, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int64
			ok, err := SlowStart(tt.count, 1, func() error {
				if n := calls.Add(1); tt.failAfter >= 0 && n > tt.failAfter {
					return errors.New("quota")
				}
				return nil
			})
			if ok != tt.wantOK || calls.Load() != tt.wantCalls {
				t.Fatalf("ok=%d calls=%d, want ok=%d calls=%d", ok, calls.Load(), tt.wantOK, tt.wantCalls)
			}
			if (err != nil) != (tt.wantOK < tt.count) {
				t.Fatalf("err=%v with %d of %d done", err, ok, tt.count)
			}
		})
	}
}

func TestParallelBoundsConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int64
	errs := Parallel(200, 8, func(i int) error {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		inFlight.Add(-1)
		if i%50 == 0 {
			return errors.New("x")
		}
		return nil
	})
	if peak.Load() > 8 {
		t.Fatalf("%d calls in flight, limit 8", peak.Load())
	}
	if len(errs) != 4 {
		t.Fatalf("%d errors, want 4", len(errs))
	}
}
