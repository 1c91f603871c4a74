package wpimport

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
	}
	res, err := Import(inputs, opts)
	if err != nil {
		return err
	}
	if !dryRun {
		if err := res.Write(opts.Out); err != nil {
			return err
		}
	}
	res.Print(w)
	return nil
}
