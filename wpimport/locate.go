package wpimport

import (
	"sort"
	"unicode/utf8"
)

// locator turns byte offsets of one input file into line and column numbers.
type locator struct {
	file   string
	data   string
	starts []int // byte offset of the start of each line
}

func newLocator(file, data string) *locator {
	l := &locator{file: file, data: data, starts: []int{0}}
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
	col := utf8.RuneCountInString(l.data[l.starts[i]:off]) + 1
	return Source{File: l.file, Line: i + 1, Col: col}
}
