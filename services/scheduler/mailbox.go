package scheduler

import "sync"

// mailbox is an unbounded queue with a wake-up channel: binding workers
// and informer handlers post to it without ever waiting for the decision
// loop. That rules out a deadlock between the loop submitting work and
// the workers reporting, and a busy scheduler never holds up the other
// services sharing its informers' mirrors.
type mailbox[T any] struct {
	mu    sync.Mutex
	items []T
	ready chan struct{}
}

func newMailbox[T any]() *mailbox[T] { return &mailbox[T]{ready: make(chan struct{}, 1)} }

func (m *mailbox[T]) post(v T) {
	m.mu.Lock()
	m.items = append(m.items, v)
	m.mu.Unlock()
	select {
	case m.ready <- struct{}{}:
	default:
	}
}

func (m *mailbox[T]) take() []T {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.items
	m.items = nil
	return out
}
