package storage

import "strconv"

// ParseRV reads a resourceVersion; "" and "0" are 0.
func ParseRV(rv string) (uint64, error) {
	if rv == "" {
		return 0, nil
	}
	return strconv.ParseUint(rv, 10, 64)
}
