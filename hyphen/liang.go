package hyphen

import (
	"fmt"
	"slices"
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
	// dense holds, for the nodes with more than denseFanout children (those near the
	// root, where most walks go), a row of children by letter code, -1 for none.
	dense []int32
	width int // codes per row of dense
}

// denseFanout is the number of children above which a node gets a row in trie.dense: 188
// of the 13,866 nodes of en-gb, 192 of ru's 9,514, together 40 KB.
const denseFanout = 8

type node struct {
	first, n int32 // edges[first : first+n]
	val      int32 // offset into values, -1 for none
	valLen   int32
	row      int32 // the node's row in trie.dense, -1 for none
}

type edge struct {
	code  uint8
	child int32
}

// newTrie builds the trie from TeX patterns such as ".ab1r" or "4m1p". Letters get their
// codes in the order the patterns first use them.
func newTrie(patterns []string) (*trie, error) {
	size := 0
	for _, p := range patterns {
		size += len(p) + 1 // bytes: at least the letters and one more value
	}
	// The pattern files in use have about 1.6 nodes per pattern.
	t := &trie{values: make([]uint8, 0, size)}
	b := builder{nodes: make([]buildNode, 1, 2*len(patterns)+1)}
	b.nodes[0].val = -1
	var letters []rune
	for _, p := range patterns {
		val := len(t.values)
		var err error
		letters, t.values, err = appendPattern(letters[:0], t.values, p)
		if err != nil {
			return nil, err
		}
		if err := b.insert(&t.abc, letters, int32(val)); err != nil {
			return nil, fmt.Errorf("pattern %q: %w", p, err)
		}
		t.maxLen = max(t.maxLen, len(letters))
	}
	t.flatten(&b)
	return t, nil
}

// builder is the trie while patterns are read: each node's children are a list through
// their next links, newest first.
type builder struct {
	nodes []buildNode
	root  [256]int32 // the children of the root by code, 0 for none
}

type buildNode struct {
	code        uint8
	first, next int32 // first child and next sibling, 0 for none (node 0 is the root)
	val         int32 // offset of the pattern's values in trie.values, -1 for none
	valLen      int32
}

// insert adds the path of a pattern's letters; its values start at val in trie.values.
func (b *builder) insert(abc *alphabet, letters []rune, val int32) error {
	n := int32(0)
	for _, r := range letters {
		c, err := abc.add(r)
		if err != nil {
			return err
		}
		n = b.child(n, c)
	}
	if b.nodes[n].val >= 0 {
		return fmt.Errorf("duplicate pattern")
	}
	b.nodes[n].val, b.nodes[n].valLen = val, int32(len(letters)+1)
	return nil
}

// child returns the child of n by code c, adding it if there is none.
func (b *builder) child(n int32, c uint8) int32 {
	head := &b.nodes[n].first
	if n == 0 {
		head = &b.root[c]
	}
	for k := *head; k != 0; k = b.nodes[k].next {
		if b.nodes[k].code == c {
			return k
		}
	}
	k := int32(len(b.nodes))
	b.nodes = append(b.nodes, buildNode{code: c, next: *head, val: -1})
	if n == 0 {
		b.root[c] = k
	} else {
		b.nodes[n].first = k
	}
	return k
}

// flatten lays the children of every node out as one sorted run of edges.
func (t *trie) flatten(b *builder) {
	t.nodes = make([]node, len(b.nodes))
	t.edges = make([]edge, 0, len(b.nodes))
	for i, bn := range b.nodes {
		nd := &t.nodes[i]
		nd.val = bn.val
		nd.valLen = bn.valLen
		nd.first = int32(len(t.edges))
		for k := bn.first; k != 0; k = b.nodes[k].next {
			t.edges = append(t.edges, edge{code: b.nodes[k].code, child: k})
		}
		run := t.edges[nd.first:]
		slices.SortFunc(run, func(x, y edge) int { return int(x.code) - int(y.code) })
		nd.n = int32(len(run))
	}
	t.fillDense()
	t.root = make([]int32, 256)
	for c, k := range b.root {
		t.root[c] = k
		if k == 0 {
			t.root[c] = -1
		}
	}
}

// splitPattern separates a pattern into its letters and the len(letters)+1 values between
// them.
func splitPattern(p string) ([]rune, []uint8, error) { return appendPattern(nil, nil, p) }

// appendPattern appends a pattern's letters and the len(letters)+1 values between them to
// the two slices.
func appendPattern(letters []rune, vals []uint8, p string) ([]rune, []uint8, error) {
	vals = append(vals, 0)
	digit, n := false, 0
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
			n++
		}
	}
	if n == 0 {
		return nil, nil, fmt.Errorf("pattern %q has no letters", p)
	}
	return letters, vals, nil
}

// fillDense gives the nodes with many children their rows in t.dense.
func (t *trie) fillDense() {
	t.width = t.abc.n + 1
	for i := range t.nodes {
		nd := &t.nodes[i]
		nd.row = -1
		if nd.n <= denseFanout {
			continue
		}
		nd.row = int32(len(t.dense) / t.width)
		row := len(t.dense)
		for range t.width {
			t.dense = append(t.dense, -1)
		}
		for _, e := range t.edges[nd.first : nd.first+nd.n] {
			t.dense[row+int(e.code)] = e.child
		}
	}
}

func (t *trie) child(n int32, c uint8) int32 {
	nd := &t.nodes[n]
	if nd.row >= 0 {
		return t.dense[int(nd.row)*t.width+int(c)]
	}
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
