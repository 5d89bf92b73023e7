// Package proto holds the protobuf schemas of every message that crosses the
// bus; `make generate` regenerates the Go code from them.
package proto

//go:generate protoc --go_out=. --go_opt=module=github.com/kubus-dev/kubus/proto kubus/v1/api.proto
