package ops

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestProbesAndMetrics(t *testing.T) {
	var notReady error = errors.New("cache not synced")
	srv := httptest.NewServer(mux(Config{Registry: NewRegistry(), Ready: func() error { return notReady }}))
	defer srv.Close()
	tests := []struct {
		path string
		want int
	}{
		{"/livez", 200}, {"/readyz", 503}, {"/healthz", 503}, {"/metrics", 200},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s = %d, want %d", tt.path, resp.StatusCode, tt.want)
		}
	}
	notReady = nil
	resp, err := http.Get(srv.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("/readyz once ready = %d", resp.StatusCode)
	}
}
