package sim

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"go.uber.org/zap"

	"github.com/kubus-dev/kubus/bus"
	"github.com/kubus-dev/kubus/internal/logging"
)

// Command stops or resumes heartbeats, for fault tests. Sent as JSON to
// ControlSubject, e.g. {"node":"sim-3","heartbeat":false} or
// {"all":true,"heartbeat":true}; without "heartbeat" it only reports.
// A stopped node renews no Lease, posts no status and does no pod work,
// like a dead kubelet; resumed, it renews and reports Ready at once.
type Command struct {
	// Node is a node name or index.
	Node      string `json:"node,omitempty"`
	All       bool   `json:"all,omitempty"`
	Heartbeat *bool  `json:"heartbeat,omitempty"`
}

// Reply answers a Command.
type Reply struct {
	// Changed lists the nodes the command switched.
	Changed []string `json:"changed,omitempty"`
	// Stopped lists every node whose heartbeat is now off.
	Stopped []string `json:"stopped"`
	Error   string   `json:"error,omitempty"`
}

// ControlSubject is where the sim playing nodes prefix+index takes
// commands: kubus.sim.<prefix>.control (dots in prefix become "_", as a
// dot separates subject tokens), e.g. kubus.sim.sim-.control.
func ControlSubject(prefix string) string {
	return "kubus.sim." + strings.ReplaceAll(prefix, ".", "_") + ".control"
}

// Control sends cmd to the sim playing nodes named prefix+index.
func Control(ctx context.Context, r bus.Requester, prefix string, cmd Command) (Reply, error) {
	var rep Reply
	data, _ := json.Marshal(cmd)
	out, err := r.Request(ctx, ControlSubject(prefix), data)
	if err != nil {
		return rep, err
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return rep, err
	}
	if rep.Error != "" {
		return rep, errors.New(rep.Error)
	}
	return rep, nil
}

// serveControl answers commands on the control subject until ctx ends.
func (s *sim) serveControl(ctx context.Context) error {
	return s.conn.Serve(ctx, ControlSubject(s.cfg.NamePrefix), "kubus-sim", func(ctx context.Context, data []byte) []byte {
		var cmd Command
		rep := Reply{Error: "malformed command"}
		if json.Unmarshal(data, &cmd) == nil {
			rep = s.apply(ctx, cmd)
		}
		out, _ := json.Marshal(rep)
		return out
	})
}

// commands applies Config.Commands (the signals) until ctx ends.
func (s *sim) commands(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case cmd := <-s.cfg.Commands:
			s.apply(ctx, cmd)
		}
	}
}

// apply switches the heartbeats a command names and logs what changed.
func (s *sim) apply(ctx context.Context, cmd Command) Reply {
	targets, err := s.targets(cmd)
	if err != nil {
		return Reply{Error: err.Error(), Stopped: s.stoppedNames()}
	}
	var changed []*simNode
	for _, n := range targets {
		// stopped flips only if it equals the heartbeat asked for.
		if cmd.Heartbeat != nil && n.stopped.CompareAndSwap(*cmd.Heartbeat, !*cmd.Heartbeat) {
			changed = append(changed, n)
		}
	}
	rep := Reply{Changed: names(changed), Stopped: s.stoppedNames()}
	if len(changed) > 0 {
		s.m.stopped.Set(float64(len(rep.Stopped)))
		logging.From(ctx).Info("sim heartbeats switched", zap.Bool("heartbeat", *cmd.Heartbeat), zap.Int("nodes", len(changed)))
	}
	if len(changed) > 0 && *cmd.Heartbeat {
		s.bg.Go(func() { s.resume(ctx, changed) }) // ctx ends with the sim, not the request
	}
	return rep
}
