# kubus: the two commands are `make up` and `make test`.
SHELL := /bin/bash
GO ?= go
DATA_DIR ?= $(CURDIR)/.kubus
BIN := bin/kubus
export PATH := $(PATH):$(shell $(GO) env GOPATH)/bin

.PHONY: all build up test test-unit test-e2e bench bench-scheduler bench-controllers generate tools vet fmt clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/kubus

## up: build and run the whole control plane in one process (NATS embedded).
up: build
	@echo "kubus server starting; data in $(DATA_DIR)"
	@echo "In another shell:  export KUBECONFIG=$(DATA_DIR)/kubeconfig && kubectl get ns"
	$(BIN) server --data-dir $(DATA_DIR)

## test: everything the tests need is checked or installed here.
test: tools vet
	$(GO) test -count=1 -timeout 45m ./...

test-unit:
	$(GO) test -count=1 -short ./...

test-e2e: tools
	$(GO) test -count=1 -timeout 30m ./e2e/...

## bench: API create throughput/latency vs raw KV puts (prints figures).
bench:
	$(GO) test -run '^$$' -bench BenchmarkCreatePods -benchtime 1x -timeout 30m ./e2e/bench/

## bench-scheduler: binds/s, latencies and RSS with 1,000 and 5,000 simulated nodes.
bench-scheduler:
	$(GO) test -run '^$$' -bench BenchmarkScheduler -benchtime 1x -timeout 90m ./e2e/bench/

## bench-controllers: a 1,000-replica Deployment on 1,000 simulated nodes, its rollout, node failover.
bench-controllers:
	$(GO) test -run '^$$' -bench BenchmarkControllers -benchtime 1x -timeout 60m ./e2e/bench/

vet:
	$(GO) vet ./...

# kubectl is the real client the e2e tests drive; these machines ship it,
# a bare Debian gets it from the kubernetes-client package if available.
tools:
	@command -v kubectl >/dev/null || (apt-get update -qq && apt-get install -y -qq kubernetes-client) || \
		(echo "kubectl is required for the e2e tests" >&2; exit 1)

## generate: regenerate the protobuf Go code in proto/.
generate:
	@command -v protoc >/dev/null || (apt-get update -qq && apt-get install -y -qq protobuf-compiler)
	@command -v protoc-gen-go >/dev/null || $(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
	cd proto && $(GO) generate ./...

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '\.pb\.go$$')

clean:
	rm -rf bin $(DATA_DIR)
