package rollout

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestSetNewReplicaSetAnnotations(t *testing.T) {
	d := deploy(3, "1", "0")
	d.Annotations = map[string]string{"kubernetes.io/change-cause": "set image", RevisionAnnotation: "9", corev1.LastAppliedConfigAnnotation: "{}"}
	tests := []struct {
		name        string
		rsRevision  int
		history     string
		newRevision string
		exists      bool
		wantRev     string
		wantHistory string
	}{
		{"new replica set", 0, "", "1", false, "1", ""},
		{"rollback keeps the former revision", 2, "", "5", true, "5", "2"},
		{"second rollback appends", 5, "2", "7", true, "7", "2,5"},
		{"higher revision is kept", 8, "", "4", true, "8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rs("web-abc", 0, 0, 0, tt.rsRevision)
			if tt.history != "" {
				r.Annotations[RevisionHistoryAnnotation] = tt.history
			}
			SetNewReplicaSetAnnotations(d, r, tt.newRevision, tt.exists)
			a := r.Annotations
			if a[RevisionAnnotation] != tt.wantRev || a[RevisionHistoryAnnotation] != tt.wantHistory {
				t.Fatalf("revision %q history %q, want %q %q", a[RevisionAnnotation], a[RevisionHistoryAnnotation], tt.wantRev, tt.wantHistory)
			}
			if a["kubernetes.io/change-cause"] != "set image" || a[corev1.LastAppliedConfigAnnotation] != "" {
				t.Fatalf("annotations not copied as kubectl expects: %v", a)
			}
			_, hasDesired := a[DesiredReplicasAnnotation]
			if hasDesired == tt.exists {
				t.Fatalf("desired-replicas present=%v for exists=%v", hasDesired, tt.exists)
			}
			if !tt.exists && (a[DesiredReplicasAnnotation] != "3" || a[MaxReplicasAnnotation] != "4") {
				t.Fatalf("replica annotations %v, want desired 3 max 4", a)
			}
		})
	}
}
