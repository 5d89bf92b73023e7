package sim

import (
	"reflect"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestControlSubject(t *testing.T) {
	for prefix, want := range map[string]string{"sim-": "kubus.sim.sim-.control", "rack.a-": "kubus.sim.rack_a-.control"} {
		if got := ControlSubject(prefix); got != want {
			t.Errorf("ControlSubject(%q) = %q, want %q", prefix, got, want)
		}
	}
}

// TestApply switches heartbeats off the way the control subject does;
// resuming is covered against a real apiserver in TestSim.
func TestApply(t *testing.T) {
	s := &sim{fleet: newFleet("sim-", 4), m: newMetrics(prometheus.NewRegistry())}
	off, on := false, true
	tests := []struct {
		name        string
		cmd         Command
		changed     []string
		stopped     []string
		wantErrText bool
	}{
		{"report", Command{}, nil, []string{}, false},
		{"stop by name", Command{Node: "sim-1", Heartbeat: &off}, []string{"sim-1"}, []string{"sim-1"}, false},
		{"stop again is no change", Command{Node: "1", Heartbeat: &off}, []string{}, []string{"sim-1"}, false},
		{"stop all", Command{All: true, Heartbeat: &off}, []string{"sim-0", "sim-2", "sim-3"}, []string{"sim-0", "sim-1", "sim-2", "sim-3"}, false},
		{"unknown node", Command{Node: "sim-9", Heartbeat: &on}, nil, []string{"sim-0", "sim-1", "sim-2", "sim-3"}, true},
		{"no target", Command{Heartbeat: &on}, nil, []string{"sim-0", "sim-1", "sim-2", "sim-3"}, true},
		{"both targets", Command{Node: "0", All: true, Heartbeat: &on}, nil, []string{"sim-0", "sim-1", "sim-2", "sim-3"}, true},
	}
	for _, tt := range tests {
		rep := s.apply(t.Context(), tt.cmd)
		if (rep.Error != "") != tt.wantErrText {
			t.Errorf("%s: error %q", tt.name, rep.Error)
		}
		if len(rep.Changed)+len(tt.changed) > 0 && !reflect.DeepEqual(rep.Changed, tt.changed) {
			t.Errorf("%s: changed %v, want %v", tt.name, rep.Changed, tt.changed)
		}
		if !reflect.DeepEqual(rep.Stopped, tt.stopped) {
			t.Errorf("%s: stopped %v, want %v", tt.name, rep.Stopped, tt.stopped)
		}
	}
}

func TestStopAtStart(t *testing.T) {
	s := &sim{fleet: newFleet("sim-", 3), m: newMetrics(prometheus.NewRegistry())}
	if err := s.stopAtStart([]string{"sim-0", "2"}); err != nil {
		t.Fatal(err)
	}
	if got := s.stoppedNames(); !reflect.DeepEqual(got, []string{"sim-0", "sim-2"}) {
		t.Errorf("stopped %v", got)
	}
	if err := s.stopAtStart([]string{"sim-7"}); err == nil {
		t.Error("an unknown node was accepted")
	}
}
