package main

import (
	"context"
	"errors"

	"github.com/fpc/bindery/wpimport"
	"github.com/urfave/cli/v3"
)

// importCommand is `bindery import`: WordPress posts to manuscripts.
// All the work is in package wpimport; this only maps flags to options.
// Usage errors (no files, contradictory options) exit with code 2.
func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "convert WordPress posts (print_r dumps, WXR exports, REST JSON) into manuscripts",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "input format: printr, wxr or wp-json (default: detect per file)"},
			&cli.StringFlag{Name: "out", Value: "content", Usage: "content directory to write"},
			&cli.StringFlag{Name: "report", Usage: "put every selected post into this report's edition (needs no classification)"},
			&cli.StringFlag{Name: "lang", Usage: "language of the --report edition (default: detected)"},
			&cli.StringFlag{Name: "title", Usage: "title of the --report edition (default: the site's name)"},
			&cli.IntSliceFlag{Name: "post", Usage: "import only this post ID (repeatable)"},
			&cli.StringSliceFlag{Name: "category", Usage: "import only posts in this category (repeatable)"},
			&cli.StringSliceFlag{Name: "tag", Usage: "import only posts with this tag (repeatable)"},
			&cli.StringSliceFlag{Name: "status", Usage: "import only posts with this status, e.g. publish (repeatable)"},
			&cli.StringSliceFlag{Name: "heading", Usage: "a heading that a flattened dump glues to its paragraph (repeatable)"},
			&cli.StringFlag{Name: "publisher", Usage: "publisher named in the manifests (default: the site's name)"},
			&cli.StringFlag{Name: "editor", Usage: "editor credited in the manifests"},
			&cli.StringFlag{Name: "uploads", Usage: "the site's uploads folder, whose pictures are copied into the editions (default: uploads or wp-content/uploads beside the export)"},
			&cli.BoolFlag{Name: "dry-run", Usage: "convert and show what would change in each file, but write nothing"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite files edited since the last import (the edits are lost)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts := wpimport.Options{
				From: cmd.String("from"), Out: cmd.String("out"),
				Report: cmd.String("report"), Lang: cmd.String("lang"), Title: cmd.String("title"),
				Posts: cmd.IntSlice("post"), Categories: cmd.StringSlice("category"),
				Tags: cmd.StringSlice("tag"), Statuses: cmd.StringSlice("status"),
				Headings: cmd.StringSlice("heading"), Publisher: cmd.String("publisher"), Editor: cmd.String("editor"),
				Force: cmd.Bool("force"), Uploads: cmd.String("uploads"),
			}
			err := wpimport.Run(cmd.Args().Slice(), opts, cmd.Bool("dry-run"), cmd.Root().Writer)
			if ue := (wpimport.UsageError{}); errors.As(err, &ue) {
				return usagef("import: %v (usage: bindery import [options] FILE...)", ue.Err)
			}
			return err
		},
	}
}
