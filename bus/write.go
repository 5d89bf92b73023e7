package bus

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Get returns the latest value of key, or ErrNotFound.
func (s *Store) Get(ctx context.Context, key string) (Entry, error) {
	if err := validKey(key); err != nil {
		return Entry{}, err
	}
	e, err := s.kv.Get(ctx, key)
	if err != nil {
		return Entry{}, translate(err, "get "+key)
	}
	return Entry{Key: key, Value: e.Value(), Revision: e.Revision(), Op: OpPut}, nil
}

// createdHeader marks messages written by Create (see Entry.Created).
const createdHeader = "Kubus-Created"

// Create stores key only if it has no live value (a deleted key may be
// created again) and returns the new revision; otherwise ErrExists. It
// publishes by hand, as nats.go's Create does, to mark the message.
func (s *Store) Create(ctx context.Context, key string, value []byte) (uint64, error) {
	if err := validKey(key); err != nil {
		return 0, err
	}
	rev, err := s.publishCreate(ctx, key, value, 0)
	if isWrongLastSeq(err) {
		// Expected no message at all; a delete marker may stand there.
		last, gerr := s.stream.GetLastMsgForSubject(ctx, s.subject(key))
		if gerr == nil && isDeleteMarker(last.Header.Get("KV-Operation"), last.Header.Get(jetstream.MarkerReasonHeader)) {
			rev, err = s.publishCreate(ctx, key, value, last.Sequence)
		}
	}
	if isWrongLastSeq(err) {
		return 0, fmt.Errorf("bus: create %s: %w", key, ErrExists)
	}
	return rev, translate(err, "create "+key)
}

func (s *Store) publishCreate(ctx context.Context, key string, value []byte, last uint64) (uint64, error) {
	m := nats.NewMsg(s.subject(key))
	m.Data = value
	m.Header.Set(createdHeader, "1")
	m.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(last, 10))
	ack, err := s.conn.js.PublishMsg(ctx, m)
	if err != nil {
		return 0, err
	}
	return ack.Sequence, nil
}

// Update replaces key's value if lastRevision is still its latest
// revision. Note that the revision of a delete marker is a key's latest
// revision too: updating at it brings the key back, like Create.
func (s *Store) Update(ctx context.Context, key string, value []byte, lastRevision uint64) (uint64, error) {
	if err := validKey(key); err != nil {
		return 0, err
	}
	if lastRevision == 0 {
		return 0, s.whyRejected(ctx, "update", key, lastRevision)
	}
	rev, err := s.kv.Update(ctx, key, value, lastRevision)
	if isWrongLastSeq(err) {
		return 0, s.whyRejected(ctx, "update", key, lastRevision)
	}
	return rev, translate(err, "update "+key)
}

// Delete writes a delete marker for key if lastRevision is still its
// latest revision, and returns the marker's revision. It is published by
// hand, as nats.go's Delete does, because KeyValue.Delete hides the
// revision.
func (s *Store) Delete(ctx context.Context, key string, lastRevision uint64, tombstone []byte) (uint64, error) {
	if err := validKey(key); err != nil {
		return 0, err
	}
	if lastRevision == 0 {
		return 0, s.whyRejected(ctx, "delete", key, lastRevision)
	}
	m := nats.NewMsg(s.subject(key))
	m.Data = tombstone
	m.Header.Set("KV-Operation", "DEL")
	m.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(lastRevision, 10))
	ack, err := s.conn.js.PublishMsg(ctx, m)
	if isWrongLastSeq(err) {
		return 0, s.whyRejected(ctx, "delete", key, lastRevision)
	}
	if err != nil {
		return 0, translate(err, "delete "+key)
	}
	return ack.Sequence, nil
}

// whyRejected explains a failed compare-and-set: the key is gone
// (ErrNotFound) or was changed by someone else (ErrConflict).
func (s *Store) whyRejected(ctx context.Context, op, key string, lastRevision uint64) error {
	cur, err := s.Get(ctx, key)
	switch {
	case errors.Is(err, ErrNotFound):
		return fmt.Errorf("bus: %s %s: %w", op, key, ErrNotFound)
	case err != nil:
		return err
	}
	return fmt.Errorf("bus: %s %s at revision %d, latest is %d: %w",
		op, key, lastRevision, cur.Revision, ErrConflict)
}
