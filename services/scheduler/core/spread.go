package core

// spreadKey names a group of pods that should spread over nodes: the pods of
// one controller (kind and name), or the pods one Service selects.
type spreadKey struct {
	service         bool
	namespace, kind string
	name            string
}

// spreadIDs interns spread keys as small integers, so that the per-node
// counts, which the spread score reads on every candidate, are compact maps
// of integers rather than of strings. An id is released when no bound pod
// belongs to its group any more, and may then be reused.
type spreadIDs struct {
	ids  map[spreadKey]uint32
	refs []int32 // pods per id
	free []uint32
}

func (x *spreadIDs) acquire(k spreadKey) uint32 {
	id, ok := x.ids[k]
	if !ok {
		if n := len(x.free); n > 0 {
			id, x.free = x.free[n-1], x.free[:n-1]
		} else {
			id = uint32(len(x.refs))
			x.refs = append(x.refs, 0)
		}
		if x.ids == nil {
			x.ids = make(map[spreadKey]uint32)
		}
		x.ids[k] = id
	}
	x.refs[id]++
	return id
}

func (x *spreadIDs) release(k spreadKey) (uint32, bool) {
	id, ok := x.ids[k]
	if !ok {
		return 0, false
	}
	if x.refs[id]--; x.refs[id] == 0 {
		delete(x.ids, k)
		x.free = append(x.free, id)
	}
	return id, true
}

// countPeer adds delta (1 or -1) pods of group k to node n, interning k
// for its first pod and releasing it with its last.
func (s *Snapshot) countPeer(n *nodeInfo, k spreadKey, delta int32) {
	var id uint32
	if delta > 0 {
		id = s.spreadIDs.acquire(k)
	} else if got, ok := s.spreadIDs.release(k); ok {
		id = got
	} else {
		return
	}
	if n.spread == nil {
		n.spread = make(map[uint32]int32)
	}
	if n.spread[id] += delta; n.spread[id] <= 0 {
		delete(n.spread, id)
	}
}

// groupsOf is the ids of the groups pod belongs to that have pods bound;
// the others have no peers to spread from.
func (s *Snapshot) groupsOf(keys []spreadKey) []uint32 {
	var out []uint32
	for _, k := range keys {
		if id, ok := s.spreadIDs.ids[k]; ok {
			out = append(out, id)
		}
	}
	return out
}
