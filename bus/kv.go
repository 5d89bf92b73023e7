package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"go.uber.org/zap"
)

// DefaultHistory is how many revisions of each key a bucket keeps unless
// KVConfig says otherwise. Watches resuming further back get ErrExpired.
const DefaultHistory = 16

// KVConfig describes a bucket.
type KVConfig struct {
	// Bucket is the bucket name: letters, digits, '-' and '_'.
	Bucket string
	// History is the number of revisions kept per key, 1..64 (default 16).
	History int
	// Replicas is the number of servers holding the bucket (default 1).
	Replicas int
}

// Store is a KV bucket. Revisions are sequence numbers of the bucket's
// stream, so they are global across keys and increase with every write.
type Store struct {
	conn   *Conn
	kv     jetstream.KeyValue
	stream jetstream.Stream
	bucket string
	// pre is the subject prefix of every key, "$KV.<bucket>.".
	pre string
	log *zap.Logger
}

var _ KV = (*Store)(nil)

func (c *KVConfig) setDefaults() error {
	if c.History == 0 {
		c.History = DefaultHistory
	}
	if c.Replicas == 0 {
		c.Replicas = 1
	}
	if c.History < 1 || c.History > jetstream.KeyValueMaxHistory {
		return fmt.Errorf("bus: KVConfig.History %d not in 1..%d", c.History, jetstream.KeyValueMaxHistory)
	}
	if c.Replicas < 1 {
		return fmt.Errorf("bus: KVConfig.Replicas %d must be positive", c.Replicas)
	}
	return nil
}

// KV creates the bucket, or updates its settings if it exists, on file
// storage, and returns it.
func (c *Conn) KV(ctx context.Context, cfg KVConfig) (*Store, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	kv, err := c.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:   cfg.Bucket,
		History:  uint8(cfg.History),
		Replicas: cfg.Replicas,
		Storage:  jetstream.FileStorage,
	})
	if err != nil {
		return nil, translate(err, "create bucket "+cfg.Bucket)
	}
	return c.store(ctx, kv, cfg.Bucket)
}

// OpenKV opens a bucket that its owner (the apiserver) created, without
// touching its settings, waiting for it to exist until ctx ends. Readers
// such as informers in other services use it.
func (c *Conn) OpenKV(ctx context.Context, bucket string) (*Store, error) {
	for {
		kv, err := c.js.KeyValue(ctx, bucket)
		if err == nil {
			return c.store(ctx, kv, bucket)
		}
		if !errors.Is(err, jetstream.ErrBucketNotFound) {
			return nil, translate(err, "open bucket "+bucket)
		}
		c.log.Info("waiting for bucket", zap.String("bucket", bucket))
		if !pause(ctx, time.Second) {
			return nil, fmt.Errorf("bus: open bucket %s: %w", bucket, ctx.Err())
		}
	}
}

func (c *Conn) store(ctx context.Context, kv jetstream.KeyValue, bucket string) (*Store, error) {
	stream, err := c.js.Stream(ctx, streamName(bucket))
	if err != nil {
		return nil, translate(err, "open bucket stream "+bucket)
	}
	return &Store{
		conn:   c,
		kv:     kv,
		stream: stream,
		bucket: bucket,
		pre:    "$KV." + bucket + ".",
		log:    c.log.With(zap.String("bucket", bucket)),
	}, nil
}

// streamName is the stream JetStream keeps a bucket in.
func streamName(bucket string) string {
	return "KV_" + bucket
}

func (s *Store) streamName() string {
	return streamName(s.bucket)
}

// Revision returns the bucket's newest revision (0 when never written).
func (s *Store) Revision(ctx context.Context) (uint64, error) {
	info, err := s.stream.Info(ctx)
	if err != nil {
		return 0, translate(err, "read revision")
	}
	return info.State.LastSeq, nil
}

// firstRevision returns the oldest revision still kept.
func (s *Store) firstRevision(ctx context.Context) (uint64, error) {
	info, err := s.stream.Info(ctx)
	if err != nil {
		return 0, translate(err, "read first revision")
	}
	return info.State.FirstSeq, nil
}
