package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/fpc/bindery/book"
	"github.com/urfave/cli/v3"
)

// listCommand is `bindery list`: the editions of the project and where their files go.
func listCommand() *cli.Command {
	return &cli.Command{
		Name:      "list",
		Usage:     "list the editions found, with status, language, chapters, notes and output files",
		ArgsUsage: "[CONTENT_DIR]",
		Description: "Status is final or draft, or the number of errors that stop the edition from building\n" +
			"(bindery check lists them). Output files not built yet are marked (not built).",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output `DIR` the paths are in", DefaultText: "bindery.yaml's out, else dist"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			src, err := openProject(cmd)
			if err != nil {
				return err
			}
			out := cmd.String("out")
			if !cmd.IsSet("out") {
				out = src.proj.Out(out)
			}
			formats := src.proj.Settings.Formats
			if len(formats) == 0 {
				formats = []string{"epub", "pdf"}
			}
			lib, ds := book.LoadPrefixed(src.fsys, src.prefix)
			w := cmd.Root().Writer
			fmt.Fprintln(w, src.proj.Describe())
			return printEditions(w, lib, ds, out, formats)
		},
	}
}

// printEditions writes one row per edition.
func printEditions(w0 interface{ Write([]byte) (int, error) }, lib *book.Library, ds book.Diagnostics, out string, formats []string) error {
	w := tabwriter.NewWriter(w0, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EDITION\tSTATUS\tLANGUAGE\tCHAPTERS\tNOTES\tOUTPUT")
	for _, ed := range lib.Editions {
		notes := 0
		for _, ch := range ed.Chapters {
			notes += len(ch.Notes)
		}
		status := string(ed.Meta.Status)
		if status == "" {
			status = string(book.StatusFinal)
		}
		if n := errorsIn(ds, ed.Dir); n > 0 {
			status = count(n, "error")
		}
		var paths []string
		for _, f := range formats {
			p := filepath.Join(out, ed.Name()+"."+f)
			if _, err := os.Stat(p); err != nil {
				p += " (not built)"
			}
			paths = append(paths, p)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%d\t%s\n", ed.Name(), status, ed.Lang, len(ed.Chapters), notes, strings.Join(paths, ", "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	errs, warns := ds.Count()
	_, err := fmt.Fprintf(w0, "%s; %s, %s%s\n", count(len(lib.Editions), "edition"), count(errs, "error"), count(warns, "warning"), checkHint(errs+warns, 0))
	return err
}

// errorsIn counts the errors reported for files inside an edition's folder.
func errorsIn(ds book.Diagnostics, dir string) int {
	n := 0
	for _, d := range ds {
		if d.Severity == book.Error && (d.Pos.File == dir || strings.HasPrefix(d.Pos.File, dir+"/")) {
			n++
		}
	}
	return n
}
