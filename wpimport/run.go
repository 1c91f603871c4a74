package wpimport

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// UsageError is a mistake in how an import was asked for (no files,
// contradictory options), as opposed to a problem with its inputs.
type UsageError struct{ Err error }

// Error returns the message of the mistake.
func (e UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e UsageError) Unwrap() error { return e.Err }

// Run imports the named files into opts.Out and prints the run report to w:
// what `bindery import` does. With dryRun it converts and reports but writes
// nothing. Mistakes in the request are returned as UsageError.
func Run(files []string, opts Options, dryRun bool, w io.Writer) error {
	if len(files) == 0 {
		return UsageError{errors.New("no input files")}
	}
	if err := opts.Validate(); err != nil {
		return UsageError{err}
	}
	inputs := make([]Input, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		inputs = append(inputs, Input{Name: filepath.ToSlash(f), Data: data})
		if opts.Uploads == "" {
			opts.Uploads = uploadsBeside(f)
		}
	}
	res, err := Import(inputs, opts)
	if err != nil {
		return err
	}
	if len(res.Editions) == 0 {
		res.Print(w)
		return res.nothingImported()
	}
	if dryRun {
		changes, err := res.Plan(opts.Out)
		if err != nil {
			return err
		}
		res.Print(w)
		PrintChanges(w, changes, 12)
		if files := edited(changes); len(files) > 0 && !opts.Force {
			fmt.Fprintf(w, "%s edited since the last import: the import would refuse to write without --force\n", plural(len(files), "file"))
		}
		return nil
	}
	if err := res.Write(opts.Out); err != nil {
		return err
	}
	res.Print(w)
	return nil
}

// NothingImported is the error of a run in which no input yielded a chapter;
// it says why for each input.
type NothingImported struct{ Why []string }

// Error lists the inputs and why each gave nothing.
func (e NothingImported) Error() string {
	return "nothing imported:\n  " + strings.Join(e.Why, "\n  ")
}

func (r *Result) nothingImported() NothingImported {
	var why []string
	for _, in := range r.perInput {
		var reasons []string
		for _, s := range r.Skips {
			if s.Source.File == in.name && (in.posts == 0 || s.Post != 0) {
				reasons = append(reasons, s.Reason)
			}
		}
		switch {
		case in.posts == 0 && len(reasons) > 0:
			why = append(why, fmt.Sprintf("%s: no post: %s", in.name, reasons[0]))
		case in.posts == 0:
			why = append(why, fmt.Sprintf("%s: no post in it", in.name))
		default:
			if len(reasons) > 3 {
				reasons = append(reasons[:3], "…")
			}
			why = append(why, fmt.Sprintf("%s: %s, none imported (%s)", in.name, plural(in.posts, "post"), strings.Join(reasons, "; ")))
		}
	}
	return NothingImported{why}
}
