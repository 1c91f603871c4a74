package main

import (
	"os"

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
