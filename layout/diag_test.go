package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
	"github.com/fpc/bindery/internal/testutil/booktest"
)

// TestDiagnostics checks that the layout reports, at the manuscript's place, a word no line
// can hold and text nested deeper than it can set, and nothing for the clean fixture.
func TestDiagnostics(t *testing.T) {
	ed := booktest.Editions(t, testutil.Fixture("model.txtar"))[0]
	d, err := Typeset(ed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range d.Diagnostics() {
		if x.Severity != book.Warning {
			t.Errorf("not a warning: %s", x)
		}
		if strings.Contains(x.Message, "is wider than the line") {
			found = true
			if got := x.Pos.String(); got != "model/en/01-findings.md:21:26" {
				t.Errorf("long word reported at %s", got)
			}
		}
	}
	if !found {
		t.Errorf("no warning for the 400-letter word: %v", d.Diagnostics())
	}

	quote := func(bs ...book.Block) book.Block { return book.Block{Kind: book.Quote, Children: bs} }
	deep := book.Block{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: "Deep text of a list nested far too deep for the page.",
		Pos: book.Pos{File: "x.md", Line: 9, Col: 3}}}}
	for range book.MaxNesting - 1 {
		deep = quote(deep)
	}
	ed2 := *ed
	ed2.Chapters = []*book.Chapter{{ID: "ch01", Title: "Deep", File: "x.md", Blocks: []book.Block{deep}}}
	d, err = Typeset(&ed2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds := d.Diagnostics(); len(ds) == 0 || !strings.HasPrefix(ds[0].String(), "x.md:9:3: warning: PDF: text nested too deep") {
		t.Errorf("nesting: %v", ds)
	}

	for _, ed := range booktest.Editions(t, testutil.Fixture("clean.txtar")) {
		d, err := Typeset(ed, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ds := d.Diagnostics(); len(ds) > 0 {
			t.Errorf("%s: %v", ed.Name(), ds)
		}
	}
}

// TestWideWordWarnings checks that a word too wide for the line is reported at its own line
// and column (on a later line of a multi-line paragraph, after an escape, an entity and a
// dash the typography changes), and that every such warning names a word that a line of the
// final pages really breaks between letters: a compound that fits whole gets none.
func TestWideWordWarnings(t *testing.T) {
	ed := booktest.Editions(t, testutil.Fixture("widewords.txtar"))[0]
	d, err := Typeset(ed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	broken := map[string]bool{}
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if ln := pe.e.ln; ln != nil && ln.wide != nil {
				broken[ln.wide.pos.String()] = true
			}
		}
	}
	var got []string
	for _, x := range d.Diagnostics() {
		if !strings.Contains(x.Message, "is wider than the line") {
			continue
		}
		got = append(got, x.Pos.String())
		if !broken[x.Pos.String()] {
			t.Errorf("warning for a word no final line breaks: %s", x)
		}
		if strings.Contains(x.Message, "Counterrevolutionaries") {
			t.Errorf("the compound is set whole but warned: %s", x)
		}
	}
	if want := []string{"wide/en/01-wide.md:7:27"}; !slices.Equal(got, want) {
		t.Errorf("wide-word warnings at %v, want %v: %v", got, want, d.Diagnostics())
	}
}

// TestLooseLineWarning checks that a paragraph only the emergency pass can set is reported at
// the first word of its loose line, not at the paragraph's start.
func TestLooseLineWarning(t *testing.T) {
	ed := booktest.Editions(t, testutil.Fixture("model.txtar"))[0]
	lead := strings.Repeat("The words before the numbers of the table set in a line of their own. ", 4)
	src := lead + strings.Repeat("123456789012345678901234 ", 6) + "end."
	para := book.Block{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: src,
		Pos: book.Pos{File: "x.md", Line: 4, Col: 1}}}}
	ed2 := *ed
	ed2.Chapters = []*book.Chapter{{ID: "ch01", Title: "Loose", File: "x.md", Blocks: []book.Block{para}}}
	d, err := Typeset(&ed2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range d.Diagnostics() {
		if !strings.Contains(x.Message, "emergency pass") {
			continue
		}
		found = true
		_, quoted, _ := strings.Cut(x.Message, "(\"")
		first, _, _ := strings.Cut(quoted, " ")
		col := len([]rune(src[:strings.Index(src, first)])) + 1
		if first == "123456789012345678901234" {
			// The numbers are alike: the line is one of theirs, at a column where one starts.
			col = x.Pos.Col
			if col <= len(lead) || (col-1-len(lead))%25 != 0 {
				t.Errorf("loose line warned at column %d, not at one of its words", col)
			}
		}
		if x.Pos.Line != 4 || x.Pos.Col != col || col == 1 {
			t.Errorf("loose line %q warned at %s, want x.md:4:%d", quoted, x.Pos, col)
		}
	}
	if !found {
		t.Errorf("no emergency-pass warning: %v", d.Diagnostics())
	}
}
