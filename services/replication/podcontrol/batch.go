package podcontrol

import (
	"sync"
)

// SlowStart calls fn count times in batches of 1, 2, 4, ... (starting at
// initial), each batch in parallel. It stops after the first batch with a
// failure, so a quota or admission error costs one call, not hundreds,
// and returns how many calls succeeded and the first error.
func SlowStart(count, initial int, fn func() error) (int, error) {
	done := 0
	for size := min(count, initial); size > 0; size = min(2*size, count-done) {
		errs := Parallel(size, size, func(int) error { return fn() })
		done += size - len(errs)
		if len(errs) > 0 {
			return done, errs[0]
		}
	}
	return done, nil
}

// Parallel calls fn(i) for i in [0, n) with at most limit calls in flight
// and returns the errors, in no particular order.
func Parallel(n, limit int, fn func(i int) error) []error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
		sem  = make(chan struct{}, max(limit, 1))
	)
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := fn(i); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return errs
}
