package wpimport

import (
	"reflect"
	"strings"
	"testing"
)

// defs runs splitNotes over note lines and returns label: text pairs.
func defs(lines ...string) []string {
	var segs []seg
	for _, l := range lines {
		segs = append(segs, seg{text: l})
	}
	var out []string
	for _, n := range splitNotes(segs, nil) {
		out = append(out, n.label+": "+n.text)
	}
	return out
}

// TestSplitNotes covers the definition formats of INVENTORY §3.5 and the
// traps T11, T12 and T15.
func TestSplitNotes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"URL runs into the next number (T11, §3.5.10)",
			[]string{"[1] Francisco Olmos, State-building myths, FPC, October 2019, https://fpc.org.uk/state-building-myths-in-central-asia/[2] Wudan Yan, Nature, https://www.nature.com/articles/d41586-019-01034-8[3] Query, https://x.org/?a=1&os=0[4] OSCE"},
			[]string{"1: Francisco Olmos, State-building myths, FPC, October 2019, https://fpc.org.uk/state-building-myths-in-central-asia/",
				"2: Wudan Yan, Nature, https://www.nature.com/articles/d41586-019-01034-8", "3: Query, https://x.org/?a=1&os=0", "4: OSCE"}},
		{"no space after the number (§3.5.2), NBSP after it (§3.5.3)",
			[]string{"[1]OSCE, Report, 2020", "[2]\u00a0BBC, News", "[3]\u00a0 Eurasianet"},
			[]string{"1: OSCE, Report, 2020", "2: BBC, News", "3: Eurasianet"}},
		{"unnumbered continuation lines (T12)",
			[]string{"[1] Ministry of Justice of the Republic of", "Kazakhstan, May 2020, https://adilet.zan.kz", "[2] Ibid."},
			[]string{"1: Ministry of Justice of the Republic of Kazakhstan, May 2020, https://adilet.zan.kz", "2: Ibid."}},
		{"a definition missing from the source (T15)",
			[]string{"[1] One.[2] Two, see [5] below.[4] Four.[5] Five."},
			[]string{"1: One.", "2: Two, see [5] below.", "4: Four.", "5: Five."}},
		{"several citations, Ibid., Там же., a bare URL (§3.5.5-8)",
			[]string{"[1] A, https://a.org/x; B, https://b.org/y[2] Ibid.[3] Там же.[4] https://eurasianet.org/only-a-url"},
			[]string{"1: A, https://a.org/x; B, https://b.org/y", "2: Ibid.", "3: Там же.", "4: https://eurasianet.org/only-a-url"}},
		{"a number that goes back is text",
			[]string{"[1] See [3] and [2] above.[2] Second."},
			[]string{"1: See [3] and [2] above.", "2: Second."}},
	}
	for _, tt := range tests {
		if got := defs(tt.lines...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestDefsStart finds the run of definitions after the body.
func TestDefsStart(t *testing.T) {
	segs := []seg{{text: "Body with a marker.[1]"}, {text: "item", item: true}, {text: "More.[2]"},
		{text: "Image by Someone under (CC)."}, {text: "[1] First.[2] Second."}}
	if got := defsStart(segs); got != 4 {
		t.Errorf("defsStart = %d, want 4", got)
	}
	body := []seg{{text: "[1] is not how a body starts, but here it does."}, {text: "list", item: true}}
	if got := defsStart(body); got != len(body) {
		t.Errorf("defsStart before a list item = %d, want none (%d)", got, len(body))
	}
}

// TestMarkers covers the inline marker formats of INVENTORY §3.6 and T22.
func TestMarkers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"regions.[3] In 1992", `regions.[^3] In 1992`},
		{"space.’[32] Next", `space.’[^32] Next`},
		{"болжануда[5].", `болжануда[^5].`},
		{"(IRZ) [82] жетекшілігі", `(IRZ) [^82] жетекшілігі`},
		{"1995.[7]However", `1995.[^7]However`},
		{"келген,[8] себеби", `келген,[^8] себеби`},
		{"protested [pl; ru] in [2019]", `protested \[pl; ru\] in \[2019\]`},
		{"see https://x.org/a_b_c.", `see <https://x.org/a_b_c>.`},
		{"*stars* and _under_ <tag> & &amp;", `\*stars\* and \_under\_ \<tag> & \&amp;`},
	}
	for _, tt := range tests {
		m := newMarkers([]note{{label: "3"}, {label: "5"}, {label: "7"}, {label: "8"}, {label: "32"}, {label: "82"}})
		if got := renderText(tt.in, m); got != tt.want {
			t.Errorf("renderText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	m := newMarkers(nil)
	got := renderText("a[1] b[2] c[2] d[4] e[3]", m)
	if want := `a[^1] b[^2] c[^2] d\[4\] e[^3]`; got != want {
		t.Errorf("sequence without definitions: %q, want %q", got, want)
	}
	if strings.Join(m.order, ",") != "1,2,3" {
		t.Errorf("marker order %v", m.order)
	}
}

func TestEscapeLineStart(t *testing.T) {
	for in, want := range map[string]string{
		"1. Not a list": `1\. Not a list`, "# not": `\# not`, "- dash": `\- dash`, "::: box": `\::: box`,
		"> q": `\> q`, "Plain": "Plain", "2020) year": `2020\) year`,
	} {
		if got := escapeLineStart(in); got != want {
			t.Errorf("escapeLineStart(%q) = %q, want %q", in, got, want)
		}
	}
	if got := unescapeMD(`Image \*by\* <https://x.org/a> \[1\]`); got != "Image *by* https://x.org/a [1]" {
		t.Errorf("unescapeMD = %q", got)
	}
}

func TestURLStopsAtNoBreakSpace(t *testing.T) {
	if got := renderText("see https://x.org/a\u00a0and more", nil); got != "see <https://x.org/a>\u00a0and more" {
		t.Errorf("renderText = %q", got)
	}
}
