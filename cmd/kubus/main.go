// Command kubus runs the kubus services: one subcommand per service, each
// its own process against a NATS URL, or all of them with `kubus server`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

type command struct {
	about string
	run   func(ctx context.Context, args []string) error
}

// commands is filled by register calls in each command's own file.
var commands = map[string]command{}

func register(name, about string, run func(ctx context.Context, args []string) error) {
	commands[name] = command{about: about, run: run}
}

func init() {
	register("server", "the whole control plane in one process, NATS embedded", runServer)
	register("apiserver", "the Kubernetes API (HTTPS for kubectl, request-reply on the bus)", runAPIServer)
}

func usage() {
	fmt.Fprint(os.Stderr, "kubus: a Kubernetes control plane on NATS JetStream.\n\nUsage: kubus <command> [flags]   (kubus <command> --help for its flags)\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-24s %s\n", n, commands[n].about)
	}
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd, ok := commands[os.Args[1]]
	if !ok {
		usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// --help has printed the command's usage: that is a success.
	if err := cmd.run(ctx, os.Args[2:]); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "kubus:", err)
		os.Exit(1)
	}
}
