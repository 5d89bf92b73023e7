package sim

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func TestParseCapacity(t *testing.T) {
	tests := []struct {
		in      string
		want    corev1.ResourceList
		wantErr bool
	}{
		{"", corev1.ResourceList{}, false},
		{"cpu=8, memory=32Gi,pods=110", corev1.ResourceList{"cpu": resource.MustParse("8"), "memory": resource.MustParse("32Gi"), "pods": resource.MustParse("110")}, false},
		{"nvidia.com/gpu=2", corev1.ResourceList{"nvidia.com/gpu": resource.MustParse("2")}, false},
		{"cpu", nil, true},
		{"=4", nil, true},
		{"memory=lots", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseCapacity(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseCapacity(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseCapacity(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseLabels(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"", map[string]string{}, false},
		{"zone=a,example.com/tier=gold,empty=", map[string]string{"zone": "a", "example.com/tier": "gold", "empty": ""}, false},
		{"novalue", nil, true},
		{"bad key=x", nil, true},
		{"k=not valid", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseLabels(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseLabels(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseLabels(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseTaints(t *testing.T) {
	tests := []struct {
		in      string
		want    []corev1.Taint
		wantErr bool
	}{
		{"", nil, false},
		{"dedicated=sim:NoSchedule,gpu:NoExecute", []corev1.Taint{
			{Key: "dedicated", Value: "sim", Effect: corev1.TaintEffectNoSchedule},
			{Key: "gpu", Effect: corev1.TaintEffectNoExecute}}, false},
		{"k=v:PreferNoSchedule", []corev1.Taint{{Key: "k", Value: "v", Effect: corev1.TaintEffectPreferNoSchedule}}, false},
		{"k=v", nil, true},
		{"k=v:Sometimes", nil, true},
		{"=v:NoSchedule", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseTaints(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseTaints(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseTaints(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	cfg := Config{Nodes: 2, Capacity: corev1.ResourceList{"cpu": resource.MustParse("4")}}
	if err := cfg.setDefaults(); err != nil {
		t.Fatal(err)
	}
	if cpu, pods := cfg.Capacity["cpu"], cfg.Capacity["pods"]; cpu.String() != "4" || pods.String() != "110" {
		t.Errorf("capacity = %v: --capacity must merge over the defaults", cfg.Capacity)
	}
	for _, bad := range []Config{{Nodes: -1}, {Nodes: MaxNodes + 1}, {NamePrefix: "Sim_"}, {LeaseInterval: -1}} {
		if err := bad.setDefaults(); err == nil {
			t.Errorf("setDefaults(%+v) accepted", bad)
		}
	}
}
