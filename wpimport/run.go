package wpimport

import (
	"io"
	"os"
	"path/filepath"
)

// Run imports the named files into opts.Out and prints the run report to w:
// what `bindery import` does. With dryRun it converts and reports but writes
// nothing.
func Run(files []string, opts Options, dryRun bool, w io.Writer) error {
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
