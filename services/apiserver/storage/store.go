// Package storage keeps Kubernetes objects in the bus KV bucket: typed
// objects in, CAS writes out, consistent lists from a cache that follows the
// bucket, and watches that resume from any revision the cache still holds.
package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/resources"
)

// Config configures a Store.
type Config struct {
	KV bus.KV
	// WatchCacheSize is how many recent changes are kept for watches that
	// resume from a past resourceVersion.
	WatchCacheSize int
	// MediaType is how objects are written (resources.StoredProtobuf, the
	// default, or resources.StoredJSON); either is read.
	MediaType string
}

// Store reads and writes objects of every resource.
type Store struct {
	kv        bus.KV
	mediaType string
	cache     *bus.Informer
	hub       *hub
}

// New validates cfg and returns a Store; call Run before use.
func New(cfg Config) (*Store, error) {
	if cfg.KV == nil {
		return nil, errors.New("storage: KV is required")
	}
	if cfg.WatchCacheSize <= 0 {
		cfg.WatchCacheSize = 10000
	}
	if cfg.MediaType == "" {
		cfg.MediaType = resources.StoredProtobuf
	}
	if err := resources.CheckStoredMediaType(cfg.MediaType); err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	s := &Store{kv: cfg.KV, mediaType: cfg.MediaType, hub: newHub(cfg.WatchCacheSize)}
	inf, err := bus.NewInformer(bus.InformerConfig{Source: cfg.KV, Handler: s.hub.publish})
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	s.cache = inf
	return s, nil
}

// Run follows the bucket until ctx ends.
func (s *Store) Run(ctx context.Context) error {
	go func() {
		if s.cache.WaitSynced(ctx) == nil {
			s.hub.start(s.cache.Revision())
		}
	}()
	return s.cache.Run(ctx)
}

// Ready reports whether the cache has its first snapshot.
func (s *Store) Ready(ctx context.Context) error {
	return s.cache.WaitSynced(ctx)
}

// fresh waits until the cache holds every write acknowledged before now, so
// that reads from it are as current as a read from the bucket.
func (s *Store) fresh(ctx context.Context) (uint64, error) {
	rev, err := s.kv.Revision(ctx)
	if err != nil {
		return 0, unavailable(err)
	}
	if err := s.cache.WaitForRevision(ctx, rev); err != nil {
		return 0, unavailable(err)
	}
	return s.cache.Revision(), nil
}
