// Command bindery builds the report series' EPUB and print PDF editions from Markdown
// manuscripts. It is the thin outer layer of the pipeline: it maps flags to the options of
// one library call per command (book, publish, wpimport, fonts) and owns the exit code:
// 0 success, 1 content or build errors, 2 usage errors.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v3"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
}

// usageError marks errors in the command line itself (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errReported says the command already printed its problems; main only sets the exit code.
var errReported = errors.New("problems reported")

// run executes the command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &cli.Command{
		Name:      "bindery",
		Usage:     "build EPUB and print PDF editions of the report series",
		Version:   version,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			buildCommand(),
			checkCommand(),
			fontsCommand(),
			importCommand(),
		},
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		OnUsageError:   onUsageError,
		CommandNotFound: func(_ context.Context, cmd *cli.Command, name string) {
			fmt.Fprintf(stderr, "bindery: unknown command %q (see bindery help)\n", name)
		},
	}
	for _, c := range root.Commands {
		c.OnUsageError = onUsageError
	}
	err := root.Run(ctx, args)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "bindery: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "bindery: %v\n", err)
	return 1
}

func onUsageError(_ context.Context, _ *cli.Command, err error, _ bool) error {
	return usageError{err}
}
