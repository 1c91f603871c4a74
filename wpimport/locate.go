package wpimport

import (
	"sort"
	"unicode/utf8"
)

// locator turns byte offsets of one input file into line and column numbers.
// It remembers the last position it computed, because positions are asked
// for in increasing order along lines that may be 150,000 characters long.
// It is not safe for concurrent use.
type locator struct {
	file   string
	data   string
	starts []int // byte offset of the start of each line
	last   struct{ line, off, col int }
}

func newLocator(file, data string) *locator {
	l := &locator{file: file, data: data, starts: []int{0}}
	l.last.line = -1
	for i := 0; i < len(data); i++ {
		if data[i] == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// at returns the line and character column of byte offset off.
func (l *locator) at(off int) Source {
	if l == nil {
		return Source{}
	}
	off = min(max(off, 0), len(l.data))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	from, col := l.starts[i], 1
	if l.last.line == i && l.last.off <= off && l.last.off >= from {
		from, col = l.last.off, l.last.col
	}
	col += utf8.RuneCountInString(l.data[from:off])
	l.last.line, l.last.off, l.last.col = i, off, col
	return Source{File: l.file, Line: i + 1, Col: col}
}
