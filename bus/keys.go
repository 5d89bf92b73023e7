package bus

import (
	"fmt"
	"strings"

	"github.com/nats-io/nats.go/jetstream"
)

// Keys are NATS subject tokens joined by dots, e.g. "pods.default.web.1".
// A prefix selects the keys below it: "pods.default" matches
// "pods.default.web.1" but not "pods.default" itself nor
// "pods.defaultx.a"; the empty prefix matches every key.

// validKey reports why key cannot be stored, or nil. It mirrors the NATS
// KV rules so mistakes are explained here rather than by the server.
func validKey(key string) error {
	if key == "" {
		return fmt.Errorf("bus: invalid key %q: empty", key)
	}
	if strings.HasPrefix(key, ".") || strings.HasSuffix(key, ".") || strings.Contains(key, "..") {
		return fmt.Errorf("bus: invalid key %q: empty token between dots", key)
	}
	for _, r := range key {
		if !keyRune(r) {
			return fmt.Errorf("bus: invalid key %q: character %q not in [-/_=.a-zA-Z0-9]", key, r)
		}
	}
	return nil
}

func keyRune(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	}
	return strings.ContainsRune("-/_=.", r)
}

// validPrefix accepts "" or anything that is a valid key.
func validPrefix(prefix string) error {
	if prefix == "" {
		return nil
	}
	return validKey(prefix)
}

// underPrefix reports whether key is selected by prefix.
func underPrefix(key, prefix string) bool {
	return prefix == "" || strings.HasPrefix(key, prefix+".")
}

func (s *Store) subject(key string) string {
	return s.pre + key
}

// filter is the stream subject filter selecting every key under prefix.
func (s *Store) filter(prefix string) (string, error) {
	if err := validPrefix(prefix); err != nil {
		return "", err
	}
	if prefix == "" {
		return s.pre + ">", nil
	}
	return s.pre + prefix + ".>", nil
}

// entry converts a stream message to an Entry; seq is its stream sequence.
func (s *Store) entry(m jetstream.Msg, seq uint64) Entry {
	e := Entry{Key: strings.TrimPrefix(m.Subject(), s.pre), Revision: seq, Value: m.Data()}
	e.Created = m.Headers().Get(createdHeader) != ""
	if isDeleteMarker(m.Headers().Get("KV-Operation"), m.Headers().Get(jetstream.MarkerReasonHeader)) {
		e.Op = OpDelete
	}
	return e
}

// isDeleteMarker recognises deletes and purges written through the KV API
// and markers the server writes itself when limits remove a key.
func isDeleteMarker(kvOp, markerReason string) bool {
	return kvOp == "DEL" || kvOp == "PURGE" || markerReason != ""
}
