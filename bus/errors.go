package bus

import "errors"

// The few errors callers act on. NATS errors are translated to these at the
// edge of this package and nowhere else.
var (
	ErrNotFound = errors.New("bus: key not found")
	ErrExists   = errors.New("bus: key exists")
	ErrConflict = errors.New("bus: revision conflict")
	// ErrExpired means a revision asked for is no longer kept in history.
	ErrExpired = errors.New("bus: revision no longer in history")
	// ErrUnavailable means the bus could not be reached in time.
	ErrUnavailable = errors.New("bus: unavailable")
)
