package layout

// The word cache: a word set once in a style is not hyphenated and shaped again, and the
// storage the cache and the paragraph builder draw from, in chunks.

// wordStyle is a style words are set in; a word set in one style has items that can be
// reused: words recur, and their hyphenation and shaping need not be repeated.
type wordStyle struct {
	font    fontID
	size    float64
	measure float64 // the line width, for a word that may be too wide for it (else 0)
	url, hy bool
	lang    string
	alert   bool
	name    bool // a proper name: its hyphens are for the emergency pass
}

// wordEntry is a word set once: its items, and whether it is too wide for a line (tooWide;
// never for a URL).
type wordEntry struct {
	items []item
	wide  bool
}

// mayBeTooWide reports whether a word is long enough to be too wide for a line (tooWide):
// whether setting it depends on the measure.
func mayBeTooWide(w string) bool { return len(w) >= 8 }

// newGlyphs returns a new, empty run, from a chunk of glyphChunk: one allocation for many
// runs. A chunk is freed once none of its runs is referenced; most runs of a document stay
// to the end, in its lines, as their own allocations did.
func (m *metrics) newGlyphs() *glyphs {
	if len(m.runs) == cap(m.runs) {
		m.runs = make([]glyphs, 0, glyphChunk)
	}
	m.runs = m.runs[:len(m.runs)+1]
	return &m.runs[len(m.runs)-1]
}

// glyphChunk is how many runs newGlyphs allocates at once.
const glyphChunk = 256

// wordChunk is how many items a chunk of the word cache's storage holds.
const wordChunk = 2048

// keep stores the items of a word set once, for the word cache.
func (m *metrics) keep(items []item) []item {
	if len(m.wordItems)+len(items) > cap(m.wordItems) {
		m.wordItems = make([]item, 0, max(wordChunk, len(items)))
	}
	start := len(m.wordItems)
	m.wordItems = append(m.wordItems, items...)
	return m.wordItems[start:len(m.wordItems):len(m.wordItems)]
}

// wordsIn returns the word cache of one style.
func (m *metrics) wordsIn(st wordStyle) map[string]wordEntry {
	if m.words == nil {
		m.words = map[wordStyle]map[string]wordEntry{}
	}
	w := m.words[st]
	if w == nil {
		w = map[string]wordEntry{}
		m.words[st] = w
	}
	return w
}

// dropWords lets go of the word cache and of the storage the builders drew from.
func (m *metrics) dropWords() {
	m.words, m.wordItems, m.hyph, m.scratch, m.runs = nil, nil, nil, nil, nil
}
