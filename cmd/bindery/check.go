package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/fpc/bindery/book"
	"github.com/urfave/cli/v3"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "load every edition and report every content problem",
		ArgsUsage: "[CONTENT_DIR]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			format := cmd.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			if cmd.NArg() > 1 {
				return usagef("check takes at most one content directory")
			}
			fsys, prefix, err := contentSource(cmd.Args().First())
			if err != nil {
				return err
			}
			_, ds := book.LoadPrefixed(fsys, prefix)
			if err := printDiagnostics(cmd.Root().Writer, ds, format); err != nil {
				return err
			}
			if ds.HasErrors() {
				return errReported
			}
			return nil
		},
	}
}

// contentSource returns the content tree to read: a directory, or the embedded corpus.
func contentSource(dir string) (fs.FS, string, error) {
	if dir == "" {
		return embeddedContent(), "content", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", usageError{err}
	}
	if !st.IsDir() {
		return nil, "", usagef("%s is not a directory", dir)
	}
	return os.DirFS(dir), dir, nil
}

// printDiagnostics writes one line per problem and a summary, or the same as JSON.
func printDiagnostics(w io.Writer, ds book.Diagnostics, format string) error {
	errs, warns := ds.Count()
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if ds == nil {
			ds = book.Diagnostics{}
		}
		return enc.Encode(struct {
			Diagnostics book.Diagnostics `json:"diagnostics"`
			Errors      int              `json:"errors"`
			Warnings    int              `json:"warnings"`
		}{ds, errs, warns})
	}
	for _, d := range ds {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%d %s, %d %s\n", errs, plural(errs, "error"), warns, plural(warns, "warning"))
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
