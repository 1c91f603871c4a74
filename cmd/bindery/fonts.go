package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
	"github.com/urfave/cli/v3"
)

func fontsCommand() *cli.Command {
	return &cli.Command{
		Name:  "fonts",
		Usage: "list the embedded faces and whether each covers each language's alphabet",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Usage: "only this language (en, kk, ky, ru, tg)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			langs := book.Languages
			if l := cmd.String("lang"); l != "" {
				if _, ok := fonts.Alphabets[l]; !ok {
					return usagef("unknown language %q (bindery supports %s)", l, strings.Join(book.Languages, ", "))
				}
				langs = []string{l}
			}
			return printCoverage(cmd.Root().Writer, langs)
		},
	}
}

func printCoverage(w0 interface{ Write([]byte) (int, error) }, langs []string) error {
	w := tabwriter.NewWriter(w0, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "FACE\tFILE\t%s\n", strings.Join(langs, "\t"))
	for _, f := range fonts.All() {
		if _, err := f.SFNT(); err != nil {
			return err
		}
		cells := make([]string, len(langs))
		for i, l := range langs {
			if m := f.Missing(l); len(m) > 0 {
				cells[i] = "missing " + string(m)
			} else {
				cells[i] = "full"
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", f.Name(), f.File, strings.Join(cells, "\t"))
	}
	return w.Flush()
}
