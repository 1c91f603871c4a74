package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/publish"
	"github.com/urfave/cli/v3"
)

// printOptions reads the print format's flags: the bleed (3 mm unless --bleed or the
// settings give one), the output intent and --drafts.
func printOptions(cmd *cli.Command, set buildSettings, bleed float64) (publish.PrintOptions, error) {
	po := publish.PrintOptions{Bleed: publish.DefaultPrintBleed, Drafts: cmd.Bool("drafts")}
	if cmd.IsSet("bleed") || set.fromFile["bleed"] {
		po.Bleed = bleed
	}
	if path := cmd.String("output-intent"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return po, usagef("--output-intent: %v", err)
		}
		in, err := icc.Custom(data)
		if err != nil {
			return po, usagef("--output-intent %s: %v", path, err)
		}
		po.Intent = &in
	}
	return po, nil
}

// reportRefused prints the editions kept from press. With --format print they are errors
// (exit 1); with --format all, which also builds every draft's EPUB and PDF, they are only
// reported, so that a corpus with drafts builds.
func reportRefused(w io.Writer, err error, formats []publish.Format) error {
	refused, rest := publish.Refused(err)
	for _, r := range refused {
		fmt.Fprintln(w, r)
	}
	if len(refused) > 0 && slices.Equal(formats, []publish.Format{publish.Print}) {
		if rest == nil {
			return errReported
		}
		fmt.Fprintln(w, rest)
		return errReported
	}
	return rest
}
