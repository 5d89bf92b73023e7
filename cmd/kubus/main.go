// Command kubus runs the kubus services: one subcommand per service, each
// its own process against a NATS URL, or all of them with `kubus server`.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// commands maps each subcommand to its entry point.
var commands = map[string]func(ctx context.Context, args []string) error{
	"server":    runServer,
	"apiserver": runAPIServer,
}

const usage = `kubus: a Kubernetes control plane on NATS JetStream.

Usage: kubus <command> [flags]   (kubus <command> --help for its flags)

Commands:
  server      the whole control plane in one process, NATS embedded
  apiserver   the Kubernetes API (HTTPS for kubectl, request-reply on the bus)
`

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := commands[os.Args[1]](ctx, os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "kubus:", err)
		os.Exit(1)
	}
}
