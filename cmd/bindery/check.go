package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/urfave/cli/v3"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "load every edition and report every content problem",
		ArgsUsage: "[CONTENT_DIR]",
		Description: "Reads the project's content (see bindery help) and prints each problem as\n" +
			"path:line:col: error|warning: message, then a summary. Exits 1 if there is an error.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			format := cmd.String("format")
			if format != "text" && format != "json" {
				return usagef("--format must be text or json, not %q", format)
			}
			src, err := openProject(cmd)
			if err != nil {
				return err
			}
			lib, ds := book.LoadPrefixed(src.fsys, src.prefix)
			for _, ed := range lib.Editions {
				ds = append(ds, ed.PrintResolution(book.Paper(src.proj.Settings.Paper), false)...)
			}
			ds.Sort()
			ds = append(append(book.Diagnostics{}, src.proj.Warnings...), ds...)
			if err := printDiagnostics(cmd.Root().Writer, src.proj.Describe(), ds, format); err != nil {
				return err
			}
			if ds.HasErrors() {
				return errReported
			}
			return nil
		},
	}
}

// printDiagnostics writes which content was read, one line per problem and a summary, or
// the same as JSON.
func printDiagnostics(w io.Writer, what string, ds book.Diagnostics, format string) error {
	errs, warns := ds.Count()
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if ds == nil {
			ds = book.Diagnostics{}
		}
		return enc.Encode(struct {
			Content     string           `json:"content"`
			Diagnostics book.Diagnostics `json:"diagnostics"`
			Errors      int              `json:"errors"`
			Warnings    int              `json:"warnings"`
		}{strings.TrimPrefix(what, "content: "), ds, errs, warns})
	}
	fmt.Fprintln(w, what)
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

// count writes n and the word in the right number: "1 file", "2 editions".
func count(n int, word string) string { return fmt.Sprintf("%d %s", n, plural(n, word)) }
