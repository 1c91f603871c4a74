package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fpc/bindery/internal/project"
	"github.com/urfave/cli/v3"
)

// initCommand is `bindery init [DIR]`: a new project with a sample report.
func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "start a new project: bindery.yaml, a README and a sample report in content/",
		ArgsUsage: "[DIR]",
		Description: "Writes into DIR (default: the working directory) a settings file, a README and a sample\n" +
			"report in English and Russian with notes, a box and lists, which check and build accept as\n" +
			"they are. It never overwrites: a folder that already has bindery.yaml, content/ or README.md is refused.",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 1 {
				return usagef("init takes at most one folder, not %d arguments", cmd.NArg())
			}
			dir := cmd.Args().First()
			if dir == "" {
				dir = "."
			}
			files, err := project.Init(dir, time.Now())
			if err != nil {
				return usageError{err}
			}
			w := cmd.Root().Writer
			fmt.Fprintf(w, "created a bindery project in %s:\n", dir)
			for _, f := range files {
				rel, _ := filepath.Rel(dir, f)
				fmt.Fprintf(w, "  %s\n", filepath.ToSlash(rel))
			}
			next := "bindery check && bindery build"
			if dir != "." {
				next = "cd " + dir + " && " + next
			}
			fmt.Fprintf(w, "next: %s   (then bindery serve to preview while you write)\n", next)
			return nil
		},
	}
}
