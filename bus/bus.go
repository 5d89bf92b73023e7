// Package bus is the one library kubus services use to talk to NATS: a
// key-value store with revisions (in place of etcd), watches and informers
// over it, and request-reply. Services depend on these interfaces and never
// import nats.go themselves.
package bus

import "context"

// Op says what an Event or Entry did to its key.
type Op int

const (
	// OpPut created or replaced the key's value.
	OpPut Op = iota
	// OpDelete removed the key.
	OpDelete
)

// Entry is one revision of one key.
type Entry struct {
	Key string
	// Value is the value put, or for a delete the tombstone its writer
	// left (the last value, so history readers see what was deleted).
	Value    []byte
	Revision uint64
	Op       Op
	// Created marks a value written by Create: the key had no live value
	// before. Readers of history tell a creation from an update by it.
	Created bool
}

// EventType classifies what a watch stream delivers.
type EventType int

const (
	// EventChange carries one changed Entry.
	EventChange EventType = iota
	// EventSynced marks the end of the initial snapshot of a Follow stream;
	// Revision is the bucket revision the snapshot is consistent at.
	EventSynced
	// EventError ends a stream; Err says why (ErrExpired when history is gone).
	EventError
)

// Event is one item of a watch stream.
type Event struct {
	Type     EventType
	Entry    Entry
	Revision uint64
	Err      error
}

// Getter reads the latest value of one key.
type Getter interface {
	// Get returns ErrNotFound when the key does not exist or was deleted.
	Get(ctx context.Context, key string) (Entry, error)
}

// Creator adds keys that must not exist yet.
type Creator interface {
	// Create returns ErrExists when the key already holds a value.
	Create(ctx context.Context, key string, value []byte) (uint64, error)
}

// Updater replaces values with compare-and-set on the revision.
type Updater interface {
	// Update returns ErrConflict when lastRevision is not the key's latest
	// revision, ErrNotFound when the key does not exist.
	Update(ctx context.Context, key string, value []byte, lastRevision uint64) (uint64, error)
}

// Deleter removes keys with compare-and-set on the revision.
type Deleter interface {
	// Delete writes a delete marker carrying tombstone (may be nil) and
	// returns its revision. It returns ErrConflict when lastRevision is
	// not the key's latest revision.
	Delete(ctx context.Context, key string, lastRevision uint64, tombstone []byte) (uint64, error)
}

// Lister reads the latest entry of every key under a prefix.
type Lister interface {
	// List returns live entries under prefix ("" for all) and the bucket
	// revision the result is consistent at.
	List(ctx context.Context, prefix string) ([]Entry, uint64, error)
}

// Watcher streams changes.
type Watcher interface {
	// Watch delivers every change under prefix with revision > from, in
	// order, until ctx ends. With an empty prefix it covers the whole bucket
	// and ends with an EventError carrying ErrExpired if any revision after
	// from is no longer kept.
	Watch(ctx context.Context, prefix string, from uint64) (<-chan Event, error)
	// Follow delivers the latest entry of every key under prefix, then one
	// EventSynced, then every later change. Its cost does not grow with the
	// length of history.
	Follow(ctx context.Context, prefix string) (<-chan Event, error)
}

// Revisioner reports the newest revision in the bucket.
type Revisioner interface {
	Revision(ctx context.Context) (uint64, error)
}

// KV is the whole store: what the apiserver, its only writer, needs.
type KV interface {
	Getter
	Creator
	Updater
	Deleter
	Lister
	Watcher
	Revisioner
}

// Requester sends a request and waits for its reply.
type Requester interface {
	Request(ctx context.Context, subject string, data []byte) ([]byte, error)
}

// Responder answers one request. A nil answer sends no reply: for a
// responder on a wildcard subject, the request is another server's.
type Responder func(ctx context.Context, data []byte) []byte
