package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/fpc/bindery/publish"
	"github.com/urfave/cli/v3"
)

func planCommand() *cli.Command {
	return &cli.Command{
		Name:      "plan",
		Usage:     "print the editions as a CI matrix (JSON), for GitHub Actions or GitLab",
		ArgsUsage: "[CONTENT_DIR]",
		Description: `Prints {"include": [{"report": "kazakhstan", "lang": "en"}, ...]}: one matrix job per edition,
to run bindery build --report R --lang L. With --shards N, {"include": [{"shard": "1/N"}, ...]}:
N jobs of about equal size (at most one an edition), to run bindery build --shard I/N. See docs/ci.md.`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "shards", Usage: "group the editions into N balanced shards instead"},
		},
		Action: runPlan,
	}
}

// planEntry is one job of the matrix.
type planEntry struct {
	Report string `json:"report,omitempty"`
	Lang   string `json:"lang,omitempty"`
	Shard  string `json:"shard,omitempty"`
}

func runPlan(_ context.Context, cmd *cli.Command) error {
	src, err := openProject(cmd)
	if err != nil {
		return err
	}
	n := int(cmd.Int("shards"))
	if n < 0 || cmd.IsSet("shards") && n == 0 {
		return usagef("--shards must be a number of shards from 1, not %d", n)
	}
	units, err := publish.Units(src.fsys)
	if err != nil {
		return fmt.Errorf("%s: %w", src.prefix, err)
	}
	if len(units) == 0 {
		return usagef("no edition folders in %s", src.prefix)
	}
	include := []planEntry{}
	if n == 0 {
		for _, u := range units {
			include = append(include, planEntry{Report: u.Report, Lang: u.Lang})
		}
	} else {
		if n > len(units) { // more shards than editions would be jobs with nothing to build
			fmt.Fprintf(cmd.Root().ErrWriter, "--shards %d: %s, so %s\n", n, count(len(units), "edition"), count(len(units), "shard"))
			n = len(units)
		}
		for i := range n {
			include = append(include, planEntry{Shard: publish.Shard{I: i + 1, N: n}.String()})
		}
	}
	b, err := json.Marshal(map[string][]planEntry{"include": include})
	if err != nil {
		return err
	}
	fmt.Fprintln(cmd.Root().Writer, string(b))
	return nil
}
