package main

import (
	"strings"

	"github.com/fpc/bindery/internal/project"
	"github.com/urfave/cli/v3"
)

// buildSettings are the build settings of one run: each flag given on the command line,
// else the key of bindery.yaml, else the flag's default.
type buildSettings struct {
	out, format, paper, bleed, notes string
	cropMarks                        bool
	jobs                             int
	proj                             *project.Project
	fromFile                         map[string]bool // settings keys that decided a value
}

// settingsOver merges the project's settings under the command's flags.
func settingsOver(cmd *cli.Command, proj *project.Project) buildSettings {
	c := proj.Settings
	s := buildSettings{proj: proj, fromFile: map[string]bool{},
		out: cmd.String("out"), format: strings.Join(cmd.StringSlice("format"), ","), paper: cmd.String("paper"), bleed: cmd.String("bleed"),
		notes: cmd.String("notes"), cropMarks: cmd.Bool("crop-marks"), jobs: int(cmd.Int("jobs"))}
	take := func(flag, key string, has bool, apply func()) {
		if !cmd.IsSet(flag) && has {
			apply()
			s.fromFile[key] = true
		}
	}
	take("out", "out", c.Out != "", func() { s.out = proj.Out(s.out) })
	take("format", "formats", len(c.Formats) > 0, func() { s.format = formatOf(c.Formats) })
	take("paper", "paper", c.Paper != "", func() { s.paper = c.Paper })
	take("bleed", "bleed", c.Bleed != "", func() { s.bleed = c.Bleed })
	take("notes", "notes", c.Notes != "", func() { s.notes = c.Notes })
	take("crop-marks", "crop_marks", c.CropMarks, func() { s.cropMarks = true })
	take("jobs", "jobs", c.Jobs > 0, func() { s.jobs = c.Jobs })
	return s
}

// formatOf turns the settings' list of formats into the --format value.
func formatOf(formats []string) string { return strings.Join(formats, ",") }

// from returns the source of key's value for a message about it: "bindery.yaml:5:8: bleed: "
// when the settings file gave it, else the flag, "--bleed: ".
func (s buildSettings) from(flag, key string) string {
	if !s.fromFile[key] {
		return "--" + flag + ": "
	}
	return s.proj.Settings.Pos(key) + ": " + key + ": "
}
