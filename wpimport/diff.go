package wpimport

import (
	"fmt"
	"io"
	"strings"
)

// maxDiffCells bounds the work of a diff (lines of the old file × lines of the new).
const maxDiffCells = 4_000_000

// PrintChanges writes what an import would do to each file, as --dry-run shows
// it: the action, the lines added and removed, and the first lines of a diff.
func PrintChanges(w io.Writer, changes []Change, diffLines int) {
	for _, c := range changes {
		switch c.Action {
		case Create, Unchanged:
			fmt.Fprintf(w, "%s %s\n", c.Action, c.Path)
			continue
		}
		if !strings.HasSuffix(c.Path, ".md") && !strings.HasSuffix(c.Path, ".yaml") {
			fmt.Fprintf(w, "%s %s (%d bytes, was %d)\n", map[Action]string{Overwrite: "overwrite",
				Edited: "edited since the last import, refused without --force:"}[c.Action], c.Path, len(c.New), len(c.Old))
			continue
		}
		ops := lineDiff(splitLines(c.Old), splitLines(c.New))
		add, del := 0, 0
		for _, op := range ops {
			switch op[0] {
			case '+':
				add++
			case '-':
				del++
			}
		}
		what := "overwrite"
		if c.Action == Edited {
			what = "edited since the last import, refused without --force:"
		}
		fmt.Fprintf(w, "%s %s (+%d −%d lines)\n", what, c.Path, add, del)
		shown := 0
		for _, op := range ops {
			if op[0] == ' ' {
				continue
			}
			if shown == diffLines {
				fmt.Fprintf(w, "    …\n")
				break
			}
			fmt.Fprintf(w, "    %s\n", clip(op, 100))
			shown++
		}
	}
}

func splitLines(data []byte) []string {
	s := strings.TrimSuffix(string(data), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// lineDiff returns the lines of a and b as a diff: each prefixed with ' ' (in both), '-'
// (only in a) or '+' (only in b), by longest common subsequence. Past maxDiffCells it
// gives every line of a removed and every line of b added.
func lineDiff(a, b []string) []string {
	var out []string
	if len(a)*len(b) > maxDiffCells {
		for _, l := range a {
			out = append(out, "-"+l)
		}
		for _, l := range b {
			out = append(out, "+"+l)
		}
		return out
	}
	// lcs[i][j] is the length of the common subsequence of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, " "+a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] > lcs[i+1][j]):
			out = append(out, "+"+b[j])
			j++
		default:
			out = append(out, "-"+a[i])
			i++
		}
	}
	return out
}
