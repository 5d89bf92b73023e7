package apiserver

import (
	"encoding/json"
	"net/http"
	"runtime"

	"k8s.io/apimachinery/pkg/version"
)

// Info is what /version reports. Minor "32" matters: the kubectl on these
// machines picks its own version from it.
var Info = version.Info{
	Major: "1", Minor: "32", GitVersion: "v1.32.0-kubus", GitCommit: "kubus", GitTreeState: "clean",
	BuildDate: "2026-11-26T00:00:00Z", GoVersion: runtime.Version(), Compiler: runtime.Compiler,
	Platform: runtime.GOOS + "/" + runtime.GOARCH,
}

func serveVersion(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(Info)
}
