package rollout

import "testing"

func TestFenceposts(t *testing.T) {
	tests := []struct {
		replicas                   int32
		surge, unavailable         string
		wantSurge, wantUnavailable int32
	}{
		{10, "25%", "25%", 3, 2}, // surge rounds up, unavailable down
		{4, "25%", "25%", 1, 1},
		{3, "25%", "25%", 1, 0},
		{1, "25%", "25%", 1, 0},
		{10, "0", "0%", 0, 1}, // both zero: unavailable becomes 1
		{3, "0", "100%", 0, 3},
		{3, "2", "5", 2, 3}, // unavailable capped at replicas
		{0, "25%", "25%", 0, 0},
	}
	for _, tt := range tests {
		d := deploy(tt.replicas, tt.surge, tt.unavailable)
		if s, u := MaxSurge(d), MaxUnavailable(d); s != tt.wantSurge || u != tt.wantUnavailable {
			t.Errorf("%d replicas, surge %s, unavailable %s: got %d/%d, want %d/%d", tt.replicas, tt.surge, tt.unavailable, s, u, tt.wantSurge, tt.wantUnavailable)
		}
	}
	if s, u := MaxSurge(recreate(5)), MaxUnavailable(recreate(5)); s != 0 || u != 0 {
		t.Errorf("Recreate: surge %d unavailable %d, want 0/0", s, u)
	}
}
