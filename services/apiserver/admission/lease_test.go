package admission

import (
	"testing"

	coordinationv1 "k8s.io/api/coordination/v1"
)

func testLease() *coordinationv1.Lease {
	return &coordinationv1.Lease{
		ObjectMeta: objectMeta("node-1"),
		Spec: coordinationv1.LeaseSpec{
			HolderIdentity:       new("node-1"),
			LeaseDurationSeconds: new(int32(40)),
		},
	}
}

func TestValidateLease(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*coordinationv1.Lease)
		want   []want
	}{
		{"valid", func(*coordinationv1.Lease) {}, nil},
		{"zero duration", func(l *coordinationv1.Lease) { l.Spec.LeaseDurationSeconds = new(int32(0)) },
			[]want{invalidAt("spec.leaseDurationSeconds")}},
		{"negative transitions", func(l *coordinationv1.Lease) { l.Spec.LeaseTransitions = new(int32(-1)) },
			[]want{invalidAt("spec.leaseTransitions")}},
		{"preferred holder without strategy", func(l *coordinationv1.Lease) { l.Spec.PreferredHolder = new("node-2") },
			[]want{forbidden("spec.preferredHolder")}},
		{"unknown strategy", func(l *coordinationv1.Lease) {
			l.Spec.Strategy = new(coordinationv1.CoordinatedLeaseStrategy("Newest"))
		}, []want{notSupported("spec.strategy")}},
		{"custom strategy", func(l *coordinationv1.Lease) {
			l.Spec.Strategy = new(coordinationv1.CoordinatedLeaseStrategy("example.com/newest"))
			l.Spec.PreferredHolder = new("node-2")
		}, nil},
		{"bad name", func(l *coordinationv1.Lease) { l.Name = "-node" }, []want{invalidAt("metadata.name")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLease()
			Default(l)
			tt.mutate(l)
			expectErrs(t, ValidateCreate(l), tt.want...)
		})
	}
}

func TestValidateLeaseUpdate(t *testing.T) {
	old := testLease()
	l := old.DeepCopy()
	l.Spec.HolderIdentity = new("node-2")
	l.Spec.LeaseTransitions = new(int32(1))
	expectErrs(t, ValidateUpdate(l, old))
	l.Spec.LeaseDurationSeconds = new(int32(-5))
	expectErrs(t, ValidateUpdate(l, old), invalidAt("spec.leaseDurationSeconds"))
}
