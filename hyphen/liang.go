package hyphen

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// tableSize covers Basic Latin through the Cyrillic Supplement block, so the letter codes of
// every supported language come from an array lookup; rarer runes fall back to a map.
const tableSize = 0x530

// alphabet maps the runes that occur in a pattern set to small codes. Code 0 means "not in
// any pattern": a walk through the trie stops there.
type alphabet struct {
	table [tableSize]uint8
	rest  map[rune]uint8
	n     int
}

func (a *alphabet) code(r rune) uint8 {
	if r >= 0 && r < tableSize {
		return a.table[r]
	}
	return a.rest[r]
}

func (a *alphabet) add(r rune) (uint8, error) {
	if c := a.code(r); c != 0 {
		return c, nil
	}
	if a.n == 255 {
		return 0, fmt.Errorf("more than 255 distinct letters in the patterns")
	}
	a.n++
	if r >= 0 && r < tableSize {
		a.table[r] = uint8(a.n)
	} else {
		if a.rest == nil {
			a.rest = map[rune]uint8{}
		}
		a.rest[r] = uint8(a.n)
	}
	return uint8(a.n), nil
}

// trie is a compact, read-only Liang pattern trie: nodes with sorted edge lists, and the
// inter-letter values of every pattern stored in one flat slice.
type trie struct {
	abc    alphabet
	root   []int32 // child of the root by letter code, -1 if none
	nodes  []node
	edges  []edge
	values []uint8
	maxLen int // letters in the longest pattern
}

type node struct {
	first, n int32 // edges[first : first+n]
	val      int32 // offset into values, -1 for none
	valLen   int32
}

type edge struct {
	code  uint8
	child int32
}

// builder is the mutable trie used while reading patterns.
type builder struct {
	children []map[uint8]int32
	vals     [][]uint8
}

func (b *builder) newNode() int32 {
	b.children = append(b.children, nil)
	b.vals = append(b.vals, nil)
	return int32(len(b.children) - 1)
}

// newTrie builds the trie from TeX patterns such as ".ab1r" or "4m1p".
func newTrie(patterns []string) (*trie, error) {
	t := &trie{}
	b := &builder{}
	b.newNode()
	for _, p := range patterns {
		letters, vals, err := splitPattern(p)
		if err != nil {
			return nil, err
		}
		if err := t.insert(b, letters, vals); err != nil {
			return nil, fmt.Errorf("pattern %q: %w", p, err)
		}
	}
	t.flatten(b)
	return t, nil
}

func (t *trie) insert(b *builder, letters []rune, vals []uint8) error {
	n := int32(0)
	for _, r := range letters {
		c, err := t.abc.add(r)
		if err != nil {
			return err
		}
		if b.children[n] == nil {
			b.children[n] = map[uint8]int32{}
		}
		next, ok := b.children[n][c]
		if !ok {
			next = b.newNode()
			b.children[n][c] = next
		}
		n = next
	}
	if b.vals[n] != nil {
		return fmt.Errorf("duplicate pattern")
	}
	b.vals[n] = vals
	if len(letters) > t.maxLen {
		t.maxLen = len(letters)
	}
	return nil
}

// splitPattern separates a pattern into its letters and the len(letters)+1 values between
// them.
func splitPattern(p string) ([]rune, []uint8, error) {
	var letters []rune
	vals := []uint8{0}
	digit := false
	for _, r := range p {
		switch {
		case r >= '0' && r <= '9':
			if digit {
				return nil, nil, fmt.Errorf("pattern %q: two digits in a row", p)
			}
			vals[len(vals)-1] = uint8(r - '0')
			digit = true
		case r == utf8.RuneError || r < ' ':
			return nil, nil, fmt.Errorf("pattern %q: invalid character %U", p, r)
		default:
			letters = append(letters, r)
			vals = append(vals, 0)
			digit = false
		}
	}
	if len(letters) == 0 {
		return nil, nil, fmt.Errorf("pattern %q has no letters", p)
	}
	return letters, vals, nil
}

// flatten turns the builder's maps into sorted edge lists, breadth first.
func (t *trie) flatten(b *builder) {
	t.nodes = make([]node, len(b.children))
	for i := range b.children {
		t.nodes[i].val = -1
		if v := b.vals[i]; v != nil {
			t.nodes[i].val = int32(len(t.values))
			t.nodes[i].valLen = int32(len(v))
			t.values = append(t.values, v...)
		}
		codes := make([]int, 0, len(b.children[i]))
		for c := range b.children[i] {
			codes = append(codes, int(c))
		}
		sort.Ints(codes)
		t.nodes[i].first = int32(len(t.edges))
		t.nodes[i].n = int32(len(codes))
		for _, c := range codes {
			t.edges = append(t.edges, edge{code: uint8(c), child: b.children[i][uint8(c)]})
		}
	}
	t.root = make([]int32, 256)
	for i := range t.root {
		t.root[i] = -1
	}
	for c, child := range b.children[0] {
		t.root[c] = child
	}
}

func (t *trie) child(n int32, c uint8) int32 {
	nd := &t.nodes[n]
	for _, e := range t.edges[nd.first : nd.first+nd.n] {
		if e.code == c {
			return e.child
		}
		if e.code > c {
			break
		}
	}
	return -1
}

// apply runs Liang's algorithm over codes (the word with a boundary code at each end) and
// raises points[i] to the highest pattern value found before codes[i].
func (t *trie) apply(codes []uint8, points []uint8) {
	for start := range codes {
		n := t.root[codes[start]]
		for i := start + 1; n >= 0; i++ {
			if nd := &t.nodes[n]; nd.val >= 0 {
				for k, v := range t.values[nd.val : nd.val+nd.valLen] {
					if v > points[start+k] {
						points[start+k] = v
					}
				}
			}
			if i == len(codes) {
				break
			}
			n = t.child(n, codes[i])
		}
	}
}
