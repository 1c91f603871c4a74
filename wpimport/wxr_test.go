package wpimport

import (
	"strings"
	"testing"
)

// TestGoldenWXR imports the WXR fixture in series mode: the Kazakhstan
// Conclusions post becomes a chapter, the draft without a report and the
// attachment are reported.
func TestGoldenWXR(t *testing.T) {
	res, err := Import(readInputs(t, "sample.wxr.xml"), Options{Editor: "Adam Hug"})
	if err != nil {
		t.Fatal(err)
	}
	files, report := rendered(t, res)
	checkGolden(t, "wxr", files, report)
	for _, want := range []string{
		"skipped post 43: an attachment, not a post or page",
		"skipped post 42: not part of a report",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// TestWXRSingleEdition imports every post of the fixture into one edition,
// as for any WordPress site: the captioned image becomes a figure, the table a
// pipe table, the nested list a nested list; what a manuscript cannot express
// (block comments, embeds, a gallery of attachments the export lacks) is warned.
func TestWXRSingleEdition(t *testing.T) {
	res, err := Import(readInputs(t, "sample.wxr.xml"), Options{Report: "site", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	files, report := rendered(t, res)
	checkGolden(t, "wxr-site", files, report)
	for _, construct := range []string{"block-editor comments", "a [gallery] shows attachments that the input does not hold (1, 2, 3)",
		"an embed (<iframe>)"} {
		if !strings.Contains(report, "post 42: "+construct) {
			t.Errorf("no warning for %q:\n%s", construct, report)
		}
	}
	for _, gone := range []string{"[caption]", "an image cannot", "a table cannot", "a nested list"} {
		if strings.Contains(report, gone) {
			t.Errorf("the report still warns about %q:\n%s", gone, report)
		}
	}
	draft := string(files["site/en/02-a-draft-with-everything-a-manuscript.md"])
	for _, kept := range []string{"\n![A steppe at dawn](images/a.jpg \"Steppe\")\n", "\n| Year | Cases |\n| --- | --- |\n| 2020 | 1,414 |\n",
		"<https://www.youtube.com/embed/xyz>", "\n- Outer\n  - Inner\n"} {
		if !strings.Contains(draft, kept) {
			t.Errorf("text %q of an unsupported construct was dropped:\n%s", kept, draft)
		}
	}
	if !strings.Contains(string(files["site/en/book.yaml"]), "status: draft") {
		t.Errorf("an edition with a WordPress draft must be a draft")
	}
}

// TestSelection checks --post, --category, --tag and --status.
func TestSelection(t *testing.T) {
	in := readInputs(t, "sample.wxr.xml")
	tests := []struct {
		name string
		opts Options
		want int
	}{
		{"all", Options{Report: "r", Lang: "en"}, 2},
		{"post", Options{Report: "r", Lang: "en", Posts: []int{42}}, 1},
		{"category by name", Options{Report: "r", Lang: "en", Categories: []string{"Kazakhstan"}}, 1},
		{"category by slug", Options{Report: "r", Lang: "en", Categories: []string{"misc"}}, 1},
		{"tag", Options{Report: "r", Lang: "en", Tags: []string{"human-rights"}}, 1},
		{"status", Options{Report: "r", Lang: "en", Statuses: []string{"publish"}}, 1},
		{"nothing", Options{Report: "r", Lang: "en", Tags: []string{"none"}}, 0},
	}
	for _, tt := range tests {
		res, err := Import(in, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range res.Editions {
			n += len(e.Chapters)
		}
		if n != tt.want {
			t.Errorf("%s: %d chapters, want %d", tt.name, n, tt.want)
		}
	}
}

// TestGoldenJSON imports REST API JSON: one post per edition in series mode.
func TestGoldenJSON(t *testing.T) {
	res, err := Import(readInputs(t, "posts.json"), Options{Publisher: "The Foreign Policy Centre"})
	if err != nil {
		t.Fatal(err)
	}
	files, report := rendered(t, res)
	checkGolden(t, "json", files, report)
}

func TestValidate(t *testing.T) {
	bad := []Options{{From: "html"}, {Lang: "en"}, {Title: "x"}, {Report: "../x", Lang: "en"}, {Report: "r", Lang: "e n"}}
	for _, o := range bad {
		if o.Validate() == nil {
			t.Errorf("Validate(%+v) accepted", o)
		}
	}
	if err := (Options{Report: "r", Lang: "en", From: FormatWXR}).Validate(); err != nil {
		t.Errorf("Validate rejected good options: %v", err)
	}
}
