package main

import (
	"context"
	"flag"
	"os"
	"strconv"
	"strings"

	"github.com/kubus-dev/kubus/internal/logging"
)

// flagSet is a FlagSet whose flags also read KUBUS_<NAME> from the
// environment, e.g. --data-dir from KUBUS_DATA_DIR.
type flagSet struct {
	*flag.FlagSet
	logLevel string
}

func newFlags(name, about string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError)}
	fs.Usage = func() {
		fs.Output().Write([]byte("Usage: kubus " + name + " [flags]\n\n" + about + "\n\nFlags (each also from the env var KUBUS_<FLAG>, e.g. --data-dir from KUBUS_DATA_DIR):\n"))
		fs.PrintDefaults()
	}
	fs.StringVar(&fs.logLevel, "log-level", env("log-level", "info"), "log level: debug, info, warn or error")
	return fs
}

func env(name, def string) string {
	if v, ok := os.LookupEnv("KUBUS_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); ok {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(env(name, "")); err == nil {
		return v
	}
	return def
}

// parse reads args and puts a logger in ctx.
func (fs *flagSet) parse(ctx context.Context, args []string) (context.Context, error) {
	if err := fs.Parse(args); err != nil {
		return ctx, err
	}
	log, err := logging.New(fs.logLevel)
	if err != nil {
		return ctx, err
	}
	return logging.Into(ctx, log.Named(fs.Name())), nil
}
