// Command bindery builds the report series' EPUB and print PDF editions from Markdown
// manuscripts. It is the thin outer layer of the pipeline: it finds the project (package
// project), maps flags and settings to the options of one library call per command (book,
// publish, wpimport, fonts) and owns the exit code: 0 success, 1 content or build errors,
// 2 usage errors.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/fpc/bindery/internal/suggest"
	"github.com/urfave/cli/v3"
)

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

// commands returns every subcommand, in the order help lists them.
func commands() []*cli.Command {
	return []*cli.Command{
		buildCommand(),
		checkCommand(),
		planCommand(),
		listCommand(),
		serveCommand(),
		initCommand(),
		importCommand(),
		fontsCommand(),
	}
}

// newRoot returns the whole command tree writing to stdout and stderr.
func newRoot(stdout, stderr io.Writer) *cli.Command {
	root := &cli.Command{
		Name:      "bindery",
		Usage:     "build EPUB and print PDF editions of the report series",
		UsageText: "bindery COMMAND [options] [arguments]",
		Description: "bindery reads the project in the working directory: the folder bindery.yaml names, else ./content,\n" +
			"else the corpus embedded in the binary. `bindery init` makes a new project. Exit codes: 0 success,\n" +
			"1 content or build errors, 2 usage errors. Run `bindery COMMAND --help` for a command's options.",
		Version:               versionString(),
		Writer:                stdout,
		ErrWriter:             stderr,
		Commands:              commands(),
		EnableShellCompletion: true,
		ConfigureShellCompletionCommand: func(c *cli.Command) {
			c.Hidden = false
			c.Usage = "print a shell completion script: bash, zsh or fish"
			c.UsageText = "source <(bindery completion bash)   # or zsh; fish: bindery completion fish > ~/.config/fish/completions/bindery.fish"
		},
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		OnUsageError:   onUsageError,
		Action:         unknownCommand,
	}
	for _, c := range root.Commands {
		c.OnUsageError = onUsageError
	}
	return root
}

// run executes the command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	err := helpTopic(root, args, root.Run(ctx, args))
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errInterrupted):
		return 130
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "bindery: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "bindery: %v\n", err)
	return 1
}

// helpTopic turns the library's "No help topic for 'x'" (from `bindery help x` or
// `bindery completion x`) into a usage error naming the choices.
func helpTopic(root *cli.Command, args []string, err error) error {
	if err == nil {
		return nil
	}
	name, ok := strings.CutPrefix(err.Error(), "No help topic for '")
	if !ok {
		return err
	}
	name = strings.TrimSuffix(name, "'")
	if slices.Contains(args, "completion") {
		shells := []string{"bash", "zsh", "fish", "pwsh"}
		return usagef("unknown shell %q for bindery completion%s (shells: %s)", name,
			suggest.DidYouMean(name, shells, nil), strings.Join(shells, ", "))
	}
	return unknownName(root, name)
}

// unknownCommand is the root's action: without arguments it shows help, with one it names
// the command it does not know, the nearest one, and where the list is.
func unknownCommand(_ context.Context, cmd *cli.Command) error {
	if cmd.NArg() == 0 {
		return cli.ShowRootCommandHelp(cmd)
	}
	return unknownName(cmd, cmd.Args().First())
}

// unknownName is the usage error for a command name the root does not know.
func unknownName(cmd *cli.Command, name string) error {
	var names []string
	for _, c := range cmd.Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	hint := suggest.DidYouMean(name, names, func(s string) string { return "bindery " + s })
	if hint == "" && suggest.Closest(name, []string{"version"}) != "" {
		hint = "; did you mean bindery --version?"
	}
	return usagef("unknown command %q%s (commands: %s; see bindery help)", name, hint, strings.Join(names, ", "))
}

// onUsageError rewrites the flag parser's messages so that they name the flag as the user
// types it (two dashes), the command, the nearest known flag and where the help is.
func onUsageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	msg := err.Error()
	where := "bindery"
	if cmd.Root() != cmd {
		where = "bindery " + cmd.Name
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		name = strings.TrimLeft(name, "-")
		var names []string
		for _, f := range cmd.VisibleFlags() {
			names = append(names, f.Names()...)
		}
		hint := suggest.DidYouMean(name, names, dashed)
		return usagef("unknown flag %s for %s%s (see %s --help)", dashed(name), where, hint, where)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usagef("%s needs a value (see %s --help)", dashed(strings.TrimLeft(name, "-")), where)
	}
	var val, name string
	if n, _ := fmt.Sscanf(msg, "invalid value %q for flag -%s", &val, &name); n == 2 {
		name = strings.TrimSuffix(name, ":")
		return usagef("%s wants %s, not %q (see %s --help)", dashed(name), flagKind(cmd, name), val, where)
	}
	return usageError{err}
}

// dashed writes a flag name as typed: -q, --format.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagKind says in words what a flag's value must be.
func flagKind(cmd *cli.Command, name string) string {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			switch f.(type) {
			case *cli.IntFlag, *cli.IntSliceFlag:
				return "a whole number"
			case *cli.BoolFlag:
				return "true or false"
			}
		}
	}
	return "another value"
}
