// Package suggest finds the known name closest to a mistyped one, for the "did you mean"
// part of bindery's messages (unknown commands, flags, settings keys, reports, languages).
// It sits beside the pipeline: the command line and the settings loader use it.
package suggest

import "strings"

// Closest returns the choice nearest to name by edit distance, or "" when none is near
// enough to be a plausible typo (at most a third of the name's letters differ, and never all
// of them, or the name is a prefix of the choice).
func Closest(name string, choices []string) string {
	name = strings.ToLower(name)
	best, bestDist := "", -1
	for _, c := range choices {
		d := distance(name, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || name == "" {
		return ""
	}
	limit := max(1, len([]rune(name))/3)
	if (bestDist <= limit && bestDist < len([]rune(name))) || (len(name) >= 2 && strings.HasPrefix(strings.ToLower(best), name)) {
		return best
	}
	return ""
}

// distance is the Damerau–Levenshtein distance (optimal string alignment) between a and b,
// counted in runes: an insertion, deletion, substitution or swap of neighbours costs one.
func distance(a, b string) int {
	r, s := []rune(a), []rune(b)
	d := make([][]int, len(r)+1)
	for i := range d {
		d[i] = make([]int, len(s)+1)
		d[i][0] = i
	}
	for j := range s {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(r); i++ {
		for j := 1; j <= len(s); j++ {
			cost := 1
			if r[i-1] == s[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && r[i-1] == s[j-2] && r[i-2] == s[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(r)][len(s)]
}

// DidYouMean returns " (did you mean X?)" for the closest choice, or "".
func DidYouMean(name string, choices []string, format func(string) string) string {
	c := Closest(name, choices)
	if c == "" {
		return ""
	}
	if format != nil {
		c = format(c)
	}
	return "; did you mean " + c + "?"
}
