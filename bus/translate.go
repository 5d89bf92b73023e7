package bus

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// unavailableErrs are the NATS errors that mean "the bus did not answer in
// time": the caller may retry, nothing about the data is known.
var unavailableErrs = []error{
	context.DeadlineExceeded,
	nats.ErrTimeout,
	nats.ErrNoResponders,
	nats.ErrConnectionClosed,
	nats.ErrConnectionDraining,
	nats.ErrConnectionReconnecting,
	nats.ErrDisconnected,
	nats.ErrReconnectBufExceeded,
	jetstream.ErrNoStreamResponse,
	jetstream.ErrConnectionClosed,
	jetstream.ErrJetStreamNotEnabled,
}

func isUnavailable(err error) bool {
	for _, target := range unavailableErrs {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// isWrongLastSeq reports a failed compare-and-set. ErrKeyExists only
// matches code 10071; replicated streams say 10164 for the same thing.
func isWrongLastSeq(err error) bool {
	if errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
		return true
	}
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant
}

func isMissing(err error) bool {
	return errors.Is(err, jetstream.ErrKeyNotFound) ||
		errors.Is(err, jetstream.ErrKeyDeleted) ||
		errors.Is(err, jetstream.ErrMsgNotFound)
}

// translate turns a NATS error from doing what into one callers can test
// with errors.Is against this package's sentinels, keeping the original
// text (and error chain) for logs.
func translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case isUnavailable(err):
		return fmt.Errorf("bus: %s: %w: %w", what, ErrUnavailable, err)
	case isMissing(err):
		return fmt.Errorf("bus: %s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("bus: %s: %w", what, err)
}
