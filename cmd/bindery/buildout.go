package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/publish"
	"github.com/urfave/cli/v3"
	"github.com/vbauerster/cupwriter"
)

// buildOutput is what a build prints: problems on stderr; progress and the summary on
// stdout, or with --json the summary alone as JSON on stdout and the progress on stderr.
type buildOutput struct {
	w, errw              io.Writer
	quiet, verbose, json bool
	live                 *liveProgress
	// The load's diagnostics, the content tree's prefix and the report of every edition, to
	// count the warnings of the editions the summary speaks of (warnings).
	loaded  book.Diagnostics
	prefix  string
	reports map[string]string
	mu      sync.Mutex
}

func newBuildOutput(cmd *cli.Command) *buildOutput {
	o := &buildOutput{w: cmd.Root().Writer, errw: cmd.Root().ErrWriter,
		quiet: cmd.Bool("quiet"), verbose: cmd.Bool("verbose"), json: cmd.Bool("json")}
	return o
}

// progressWriter is where progress goes: stdout, or stderr when stdout carries the JSON.
func (o *buildOutput) progressWriter() io.Writer {
	if o.json {
		return o.errw
	}
	return o.w
}

// loadProblems prints every diagnostic of the editions that failed to load (errors and
// warnings, with their places) and how many errors kept them from building; with
// --verbose, the other editions' warnings too.
func (o *buildOutput) loadProblems(all book.Diagnostics, b publish.Batch) {
	o.loaded, o.reports = all, map[string]string{}
	for _, ed := range b.Editions {
		o.reports[ed.Name()] = ed.Report
	}
	for _, f := range b.Failures { // an edition that failed to load is known by its files
		for _, d := range f.Diagnostics {
			if r, l := publish.Place(d.Pos.File, o.prefix); l != "" && r+"-"+l == f.Edition {
				o.reports[f.Edition] = r
			}
		}
	}
	shown := map[book.Diagnostic]bool{}
	errs := 0
	var names []string
	for _, f := range b.Failures {
		for _, d := range f.Diagnostics {
			fmt.Fprintln(o.errw, d)
			shown[d] = true
			if d.Severity == book.Error {
				errs++
			}
		}
		names = append(names, f.Edition)
	}
	for _, d := range all {
		if !shown[d] && (o.verbose || d.Severity == book.Error) {
			fmt.Fprintln(o.errw, d)
		}
	}
	if errs > 0 {
		fmt.Fprintf(o.errw, "%s: nothing built of %s\n", count(errs, "error"), strings.Join(names, ", "))
	}
}

// readProblems prints the diagnostics of the editions the build read only when their turn
// came (publish.Load): every one of an edition that failed, the errors, and with --verbose
// the other warnings too, and how many errors kept them from building, as loadProblems does.
func (o *buildOutput) readProblems(res publish.Result) {
	failed := map[book.Diagnostic]bool{}
	for _, f := range res.Failures {
		for _, d := range f.Diagnostics {
			failed[d] = true
		}
	}
	for _, d := range res.Read {
		if failed[d] || o.verbose || d.Severity == book.Error {
			fmt.Fprintln(o.errw, d)
		}
	}
	if errs, _ := res.Read.Count(); errs > 0 {
		var names []string
		for _, f := range res.Failures {
			if f.Diagnostics.HasErrors() && slices.Contains(res.Read, f.Diagnostics[0]) {
				names = append(names, f.Edition)
			}
		}
		fmt.Fprintf(o.errw, "%s: nothing built of %s\n", count(errs, "error"), strings.Join(names, ", "))
	}
}

// progress returns the reporter of the build: a live display on a terminal, one line per
// finished output elsewhere; failures are always reported.
func (o *buildOutput) progress(b publish.Batch, formats []publish.Format) publish.Progress {
	if f, ok := o.progressWriter().(*os.File); ok && !o.quiet && isTerminal(f) {
		o.live = newLiveProgress(f, b.Names(), formats)
		return o.live
	}
	return &plainProgress{o: o}
}

// finish waits for the live display to draw its last frame.
func (o *buildOutput) finish() {
	if o.live != nil {
		o.live.wait()
	}
}

// isTerminal reports whether f is a terminal: not a pipe, a file or another character
// device such as /dev/null. It asks as mpb's own terminal writer does.
func isTerminal(f *os.File) bool { return cupwriter.New(f, false).IsTerminal() }

// plainProgress prints one line per finished output, for pipes and CI logs.
type plainProgress struct{ o *buildOutput }

func (p *plainProgress) Stage(edition string, f publish.Format, s publish.Stage) {
	if p.o.verbose {
		p.o.line(p.o.progressWriter(), "%s %s: %s", edition, f, s)
	}
}

func (p *plainProgress) Committed(_ string, outs []publish.Output) {
	if p.o.quiet {
		return
	}
	for _, out := range outs {
		p.o.line(p.o.progressWriter(), "wrote %s (%s%s) in %v", out.Path, size(out.Bytes), pagesOf(out, ", "),
			out.Duration.Round(time.Millisecond))
	}
}

func (p *plainProgress) Failed(f publish.Failure) {
	if len(f.Diagnostics) == 0 && !f.Interrupted() { // load failures were printed with their diagnostics, the interrupted are counted at the end
		p.o.line(p.o.errw, "failed %s", f.Error())
	}
}

func (o *buildOutput) line(w io.Writer, format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	fmt.Fprintf(w, format+"\n", args...)
}

// summary prints the table of outputs and one line per failure, or the JSON document.
func (o *buildOutput) summary(res publish.Result, took time.Duration) {
	if o.json {
		enc := json.NewEncoder(o.w)
		enc.SetIndent("", "  ")
		enc.Encode(res)
		return
	}
	if !o.quiet && len(res.Outputs) > 0 {
		tw := tabwriter.NewWriter(o.w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "edition\tformat\tpages\tsize\ttime\twarnings\t\tpath")
		for _, out := range res.Outputs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2fs\t%d\t\t%s\n", out.Edition, formatCell(out), pagesCell(out),
				size(out.Bytes), out.Seconds, out.Warnings, out.Path)
		}
		tw.Flush()
	}
	for _, f := range res.Failures {
		if !f.Interrupted() { // the interrupted are counted in the line below
			fmt.Fprintf(o.errw, "FAILED %s\n", f.Error())
		}
	}
	if !o.quiet || len(res.Failures) > 0 {
		manuscript, layout := o.warnings(res)
		fmt.Fprintf(o.w, "%s from %s in %s, %s%s%s\n", count(len(res.Outputs), "file"), count(editions(res), "edition"),
			seconds(took), count(manuscript+layout, "warning"), checkHint(manuscript, layout), failedNote(res))
	}
}

// warnings counts the warnings of the editions the summary speaks of: those that wrote
// files and those that failed for their content (not the interrupted). manuscript counts
// those of the manuscripts, as bindery check lists them (each once: a report.yaml's once for
// its report); layout those the renderers found (Output.Diagnostics).
func (o *buildOutput) warnings(res publish.Result) (manuscript, layout int) {
	spoken, reports := map[string]bool{}, map[string]bool{}
	speak := func(edition string) {
		spoken[edition] = true
		if r, ok := o.reports[edition]; ok {
			reports[r] = true
		}
	}
	for _, out := range res.Outputs {
		speak(out.Edition)
		layout += len(out.Diagnostics)
	}
	for _, f := range res.Failures {
		if len(f.Diagnostics) > 0 {
			speak(f.Edition)
		}
	}
	for _, ds := range []book.Diagnostics{o.loaded, res.Read} {
		for _, d := range ds {
			if d.Severity == book.Error {
				continue
			}
			switch report, lang := publish.Place(d.Pos.File, o.prefix); {
			case lang != "" && spoken[report+"-"+lang], lang == "" && report != "" && reports[report],
				report == "" && len(spoken) > 0:
				manuscript++
			}
		}
	}
	return manuscript, layout
}

// seconds formats a build's time: milliseconds under a second, else seconds to two places.
func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// editions counts the editions that wrote files (a failed edition writes none).
func editions(res publish.Result) int {
	seen := map[string]bool{}
	for _, o := range res.Outputs {
		seen[o.Edition] = true
	}
	return len(seen)
}

// failedNote says how many editions failed and how many an interrupt stopped, nothing of
// them written, and counts a failure of the build itself (the output folder) apart.
func failedNote(res publish.Result) string {
	failed, stopped := map[string]bool{}, map[string]bool{}
	other := 0
	for _, f := range res.Failures {
		switch {
		case f.Edition == "":
			other++
		case f.Interrupted():
			stopped[f.Edition] = true
		default:
			failed[f.Edition] = true
		}
	}
	var parts []string
	if n := len(failed); n > 0 {
		parts = append(parts, fmt.Sprintf("%s failed (nothing of %s written)", count(n, "edition"), pronoun(n)))
	}
	if n := len(stopped); n > 0 {
		parts = append(parts, fmt.Sprintf("%s not built, interrupted (nothing of %s written)", count(n, "edition"), pronoun(n)))
	}
	if other > 0 {
		parts = append(parts, count(other, "other failure"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ")
}

// pronoun is "it" for one edition, "them" for more.
func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// pagesOf is ", 87 pages" for a PDF, "" for an EPUB.
func pagesOf(out publish.Output, sep string) string {
	if out.Pages == 0 {
		return ""
	}
	return sep + count(out.Pages, "page")
}

// formatCell is the table's format: print's cover says "cover", its interior "print".
func formatCell(out publish.Output) string {
	if out.Part == publish.CoverPart {
		return "cover"
	}
	return string(out.Format)
}

// pagesCell is the table's page count, "-" for an EPUB.
func pagesCell(out publish.Output) string {
	if out.Pages == 0 {
		return "-"
	}
	return fmt.Sprint(out.Pages)
}

// size formats a file size in KiB or MiB.
func size(n int) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}
