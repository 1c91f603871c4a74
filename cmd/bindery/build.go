package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
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
		Description: "Every edition renders all its formats into temporary files and renames them into place\n" +
			"together; an edition with errors writes nothing and the others still build (exit 1).\n" +
			"Ctrl-C (SIGINT) or SIGTERM stops the build, removes the temporary files and exits 130.",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "format", Usage: "epub, pdf, print (PDF/X-4 interior and cover) or all (repeatable)", DefaultText: "all"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output `DIR`"},
			&cli.StringFlag{Name: "paper", Usage: "PDF trim size: " + book.PaperNames(), DefaultText: "the edition's paper"},
			&cli.StringFlag{Name: "bleed", Value: "0mm", Usage: "PDF bleed, e.g. 3mm or 0.125in (print files: 3mm unless given)"},
			&cli.StringFlag{Name: "output-intent", Usage: "the printer's CMYK output profile (`FILE.icc`) for print files", DefaultText: "FOGRA39"},
			&cli.BoolFlag{Name: "drafts", Usage: "print drafts and editions with missing notes too"},
			&cli.BoolFlag{Name: "crop-marks", Usage: "draw crop marks outside the trim (needs --bleed)"},
			&cli.StringFlag{Name: "notes", Value: "chapter", Usage: "endnotes after each chapter or gathered at the end of the book"},
			&cli.StringSliceFlag{Name: "report", Usage: "only these reports (repeatable; all for every one)"},
			&cli.StringSliceFlag{Name: "lang", Usage: "only these languages (repeatable; all for every one)"},
			&cli.StringFlag{Name: "shard", Usage: "build only the I-th of N balanced shares of the editions (of those --report and --lang select), e.g. 2/4 (see bindery plan)"},
			&cli.IntFlag{Name: "jobs", Usage: "editions built at once, largest first", DefaultText: "one per CPU"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems"},
			&cli.BoolFlag{Name: "verbose", Usage: "print every stage and every warning"},
			&cli.BoolFlag{Name: "json", Usage: `print the summary as JSON on stdout: {"outputs": [...], "failures": [...]}`},
		},
		Action: runBuild,
	}
}

// errInterrupted ends a build stopped by SIGINT or SIGTERM: exit code 130.
var errInterrupted = errors.New("interrupted")

func buildOptions(cmd *cli.Command, proj *project.Project) (publish.Options, error) {
	set := settingsOver(cmd, proj)
	opts := publish.Options{OutDir: set.out, CropMarks: set.cropMarks, Jobs: set.jobs}
	if opts.Jobs < 0 {
		return opts, usagef("--jobs must be 0 (one per CPU) or a number of editions to build at once, not %d", opts.Jobs)
	}
	var err error
	if opts.Formats, err = parseFormats(set.format); err != nil {
		return opts, usagef("%s%v", set.from("format", "formats"), err)
	}
	if opts.Notes, err = book.ParseNotePlacement(set.notes); err != nil {
		return opts, usagef("%s%v", set.from("notes", "notes"), err)
	}
	if set.paper != "" {
		if opts.Paper, err = book.ParsePaper(set.paper); err != nil {
			return opts, usagef("%s%v", set.from("paper", "paper"), err)
		}
	}
	bleed, err := book.ParseBleed(set.bleed)
	if err != nil {
		return opts, usagef("%s%v", set.from("bleed", "bleed"), err)
	}
	opts.Bleed = bleed
	if opts.CropMarks && bleed == 0 && !slices.Equal(opts.Formats, []publish.Format{publish.Print}) {
		return opts, usagef("--crop-marks needs a --bleed to draw the marks in")
	}
	if opts.Print, err = printOptions(cmd, set, bleed); err != nil {
		return opts, err
	}
	opts.Modified, err = publish.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	return opts, err
}

// parseFormats reads the formats of the repeated --format (a comma-separated list here);
// all, or none given, means every format.
func parseFormats(list string) ([]publish.Format, error) {
	var fs []publish.Format
	for _, f := range strings.Split(list, ",") {
		switch f = strings.TrimSpace(strings.ToLower(f)); f {
		case "", "all":
			return publish.Formats, nil
		case "epub", "pdf", "print":
			if !slices.Contains(fs, publish.Format(f)) {
				fs = append(fs, publish.Format(f))
			}
		default:
			return nil, fmt.Errorf("unknown format %q (epub, pdf, print or all)", f)
		}
	}
	slices.SortFunc(fs, func(a, b publish.Format) int {
		return slices.Index(publish.Formats, a) - slices.Index(publish.Formats, b)
	})
	return fs, nil
}

// selection returns the values of a repeatable filter; all means no filter.
func selection(cmd *cli.Command, name string) []string {
	var vals []string
	for _, v := range cmd.StringSlice(name) {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s == "all" {
				return nil
			} else if s != "" {
				vals = append(vals, s)
			}
		}
	}
	return vals
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
	if cmd.Bool("quiet") && cmd.Bool("verbose") {
		return usagef("--quiet and --verbose ask for opposite things: give one of them")
	}
	reports, langs := selection(cmd, "report"), selection(cmd, "lang")
	if err := checkFilters(src, reports, langs); err != nil {
		return err
	}
	keep, err := shardFilter(cmd.String("shard"), src, reports, langs)
	if err != nil {
		return err
	}
	out := newBuildOutput(cmd)
	if !out.quiet {
		fmt.Fprintln(out.progressWriter(), src.proj.Describe()) // stderr with --json, whose stdout is the document
	}
	if src.proj.Source != project.Embedded {
		if err := checkOutDir(opts.OutDir, src.prefix); err != nil {
			return err
		}
	}
	start := time.Now()
	gc := tuneGC()
	defer gc.restore()
	go prepare(src.fsys, keep) // on the core that loading leaves idle
	batch, ds := publish.Load(src.fsys, src.prefix, keep, publish.KeepBytes)
	gc.fit(batch, opts.MemoryBudget)
	for _, d := range src.proj.Warnings {
		fmt.Fprintln(out.errw, d)
	}
	out.prefix = src.prefix
	out.loadProblems(ds, batch)
	if len(batch.Editions) == 0 && len(batch.Failures) == 0 {
		if shard := cmd.String("shard"); shard != "" { // a share may be empty: a CI job with nothing to do
			fmt.Fprintf(out.errw, "--shard %s holds no edition: nothing to build\n", shard)
			out.summary(publish.Result{Outputs: []publish.Output{}, Failures: []publish.Failure{}}, time.Since(start))
			return nil
		}
		return usagef("no edition to build")
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts.Progress = out.progress(batch, opts.Formats)
	res := publish.Run(ctx, batch, opts)
	out.finish()
	out.readProblems(res)
	stop() // a second Ctrl-C ends the process at once
	reportRender(cmd.Root().ErrWriter, res.Outputs)
	out.summary(res, time.Since(start))
	for _, r := range res.Refused {
		fmt.Fprintln(cmd.Root().ErrWriter, r)
	}
	switch {
	case res.Interrupted():
		fmt.Fprintln(cmd.Root().ErrWriter, "bindery: interrupted; the files of the editions not finished are as they were, no temporary file is left")
		return errInterrupted
	case len(res.Failures) > 0:
		return errReported
	case len(res.Refused) > 0 && slices.Equal(opts.Formats, []publish.Format{publish.Print}):
		return errReported // with all, which builds every draft's EPUB and PDF, only reported
	}
	return nil
}

// shardFilter returns the editions a build reads: those of --report and --lang and, with
// --shard I/N, only those of the I-th share.
func shardFilter(shard string, src *source, reports, langs []string) (func(report, lang string) bool, error) {
	sel := func(report, lang string) bool {
		return (len(reports) == 0 || slices.Contains(reports, report)) && (len(langs) == 0 || slices.Contains(langs, lang))
	}
	if shard == "" {
		return sel, nil
	}
	s, err := publish.ParseShard(shard)
	if err != nil {
		return nil, usagef("--shard: %v", err)
	}
	units, err := publish.Units(src.fsys)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.prefix, err)
	}
	units = slices.DeleteFunc(units, func(u publish.Unit) bool { return !sel(u.Report, u.Lang) })
	in := map[string]bool{}
	for _, u := range s.Of(units) {
		in[u.Report+"/"+u.Lang] = true
	}
	return func(report, lang string) bool { return in[report+"/"+lang] }, nil
}

// checkHint points to the command that lists the warnings a build only counts.
func checkHint(manuscript, layout int) string {
	switch {
	case manuscript == 0 && layout == 0:
		return ""
	case layout == 0:
		return " (bindery check lists them)"
	case manuscript == 0:
		return " (found while rendering, listed above)"
	}
	return fmt.Sprintf(" (%d of the manuscripts, which bindery check lists; %d found while rendering, listed above)", manuscript, layout)
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
