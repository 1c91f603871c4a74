package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/project"
	"github.com/fpc/bindery/publish"
	"github.com/urfave/cli/v3"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build the EPUB and PDF editions (all reports and languages by default)",
		ArgsUsage: "[CONTENT_DIR]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "all", Usage: "epub, pdf, print (PDF/X-4 interior and cover) or all"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output `DIR`"},
			&cli.StringFlag{Name: "paper", Usage: "PDF trim size: " + book.PaperNames(), DefaultText: "the edition's paper"},
			&cli.StringFlag{Name: "bleed", Value: "0mm", Usage: "PDF bleed, e.g. 3mm or 0.125in (print files: 3mm unless given)"},
			&cli.StringFlag{Name: "output-intent", Usage: "the printer's CMYK output profile (`FILE.icc`) for print files", DefaultText: "FOGRA39"},
			&cli.BoolFlag{Name: "drafts", Usage: "print drafts and editions with missing notes too"},
			&cli.BoolFlag{Name: "crop-marks", Usage: "draw crop marks outside the trim (needs --bleed)"},
			&cli.StringFlag{Name: "notes", Value: "chapter", Usage: "endnotes after each chapter or gathered at the end of the book"},
			&cli.StringSliceFlag{Name: "report", Usage: "only these reports (repeatable)"},
			&cli.StringSliceFlag{Name: "lang", Usage: "only these languages (repeatable)"},
			&cli.IntFlag{Name: "jobs", Usage: "editions built at once", DefaultText: "one per CPU"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems"},
		},
		Action: runBuild,
	}
}

func buildOptions(cmd *cli.Command, proj *project.Project) (publish.Options, error) {
	set := settingsOver(cmd, proj)
	opts := publish.Options{OutDir: set.out, CropMarks: set.cropMarks, Jobs: set.jobs}
	if opts.Jobs < 0 {
		return opts, usagef("--jobs must be 0 (one per CPU) or a number of editions to build at once, not %d", opts.Jobs)
	}
	for _, f := range strings.Split(set.format, ",") { // the settings' formats list comes joined
		switch f = strings.TrimSpace(f); f {
		case "all":
			opts.Formats = []publish.Format{publish.PDF, publish.EPUB, publish.Print}
		case "epub", "pdf", "print":
			opts.Formats = append(opts.Formats, publish.Format(f))
		default:
			return opts, usagef("%s--format must be epub, pdf, print or all, not %q", set.from("formats"), f)
		}
	}
	var err error
	if opts.Notes, err = book.ParseNotePlacement(set.notes); err != nil {
		return opts, usagef("%s%v", set.from("notes"), err)
	}
	if set.paper != "" {
		if opts.Paper, err = book.ParsePaper(set.paper); err != nil {
			return opts, usagef("%s%v", set.from("paper"), err)
		}
	}
	bleed, err := book.ParseBleed(set.bleed)
	if err != nil {
		return opts, usagef("%s%v", set.from("bleed"), err)
	}
	opts.Bleed = bleed
	if opts.CropMarks && bleed == 0 && set.format != "print" {
		return opts, usagef("--crop-marks needs a --bleed to draw the marks in")
	}
	if opts.Print, err = printOptions(cmd, set, bleed); err != nil {
		return opts, err
	}
	opts.Modified, err = publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	return opts, err
}

func runBuild(ctx context.Context, cmd *cli.Command) error {
	src, err := openProject(cmd)
	if err != nil {
		return err
	}
	opts, err := buildOptions(cmd, src.proj)
	if err != nil {
		return err
	}
	reports, langs := cmd.StringSlice("report"), cmd.StringSlice("lang")
	if err := checkFilters(src, reports, langs); err != nil {
		return err
	}
	w := cmd.Root().Writer
	if !cmd.Bool("quiet") {
		fmt.Fprintln(w, src.proj.Describe())
	}
	if src.proj.Source != project.Embedded {
		if err := checkOutDir(opts.OutDir, src.prefix); err != nil {
			return err
		}
	}
	start := time.Now()
	lib, ds := book.LoadSelected(src.fsys, src.prefix, func(report, lang string) bool {
		return (len(reports) == 0 || slices.Contains(reports, report)) && (len(langs) == 0 || slices.Contains(langs, lang))
	})
	for _, d := range src.proj.Warnings {
		fmt.Fprintln(cmd.Root().ErrWriter, d)
	}
	ds = append(append(book.Diagnostics{}, src.proj.Warnings...), ds...)
	if err := reportLoad(cmd.Root().ErrWriter, ds); err != nil {
		return err
	}
	outs, err := publish.Build(ctx, lib, opts)
	err = reportRefused(cmd.Root().ErrWriter, err, opts.Formats)
	reportRender(cmd.Root().ErrWriter, outs)
	if !cmd.Bool("quiet") {
		for _, o := range outs {
			pages := ""
			if o.Pages > 0 {
				pages = ", " + count(o.Pages, "page")
			}
			fmt.Fprintf(w, "wrote %s (%d KiB%s) in %v\n", o.Path, (o.Bytes+1023)/1024, pages, o.Duration.Round(time.Millisecond))
		}
		_, warns := ds.Count()
		fmt.Fprintf(w, "%s from %s in %v, %s%s\n", count(len(outs), "file"), count(len(lib.Editions), "edition"),
			time.Since(start).Round(time.Millisecond), count(warns, "warning"), checkHint(warns))
	}
	return err
}

// reportRender prints the renderers' warnings the way check prints the content's:
// file:line:col: warning: message, in the order of the files.
func reportRender(w io.Writer, outs []publish.Output) {
	var ds book.Diagnostics
	for _, o := range outs {
		ds = append(ds, o.Diagnostics...)
	}
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(w, d)
	}
}

// checkHint points to the command that lists the warnings a build only counts.
func checkHint(warns int) string {
	if warns == 0 {
		return ""
	}
	return " (bindery check lists them)"
}

// reportLoad prints the errors of loading in full (the summary counts the warnings, which
// `bindery check` lists); it returns errReported when there are errors.
func reportLoad(w io.Writer, ds book.Diagnostics) error {
	errs, warns := ds.Count()
	for _, d := range ds {
		if d.Severity == book.Error {
			fmt.Fprintln(w, d)
		}
	}
	if errs > 0 {
		if warns > 0 {
			fmt.Fprintf(w, "%s in the content (bindery check lists them)\n", count(warns, "warning"))
		}
		fmt.Fprintf(w, "%d %s: nothing built\n", errs, plural(errs, "error"))
		return errReported
	}
	return nil
}
