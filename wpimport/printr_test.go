package wpimport

import (
	"strings"
	"testing"
)

// TestReadPrintRFields checks the fields, positions and damage of dumped posts.
func TestReadPrintRFields(t *testing.T) {
	dump := "Array\n(\n    [0] => WP_Post Object\n        (\n            [ID] => 7\n            [post_date] => 2021-07-22 11:00:15\n" +
		"            [post_content] => <!-- wp:paragraph --><p>Hello <em>world</em>.</p><!-- /wp:paragraph -->\n" +
		"            [post_title] => Hello\n            [post_status] => draft\n            [guid] => https://x.org/?p=7\n" +
		"            [post_type] => page\n            [filter] => raw\n        )\n\n)"
	posts, skips := ReadPrintR("d.txt", []byte(dump))
	if len(posts) != 1 || len(skips) != 0 {
		t.Fatalf("posts %d, skips %v", len(posts), skips)
	}
	p := posts[0]
	if p.ID != 7 || p.Title != "Hello" || p.Status != "draft" || p.Type != "page" || p.Date.Format("2006-01-02") != "2021-07-22" ||
		!p.HTML || p.Source.Line != 7 || p.Source.Col != 31 || len(p.Damage) != 0 {
		t.Errorf("post %+v", p)
	}
	if md := string(Convert(p, nil).Markdown()); !strings.Contains(md, "\nHello *world*.\n") {
		t.Errorf("HTML content in a dump:\n%s", md)
	}
}

// TestDetectFormat checks format detection and how unreadable inputs are reported.
func TestDetectFormat(t *testing.T) {
	for in, want := range map[string]string{
		`[{"id": 1}]`:             FormatJSON,
		" {\"id\": 1}":            FormatJSON,
		"<?xml version=\"1.0\"?>": FormatWXR,
		"Array ( [0] => WP_Post Object ( [ID] => 1": FormatPrintR,
		"[0] => WP_Post Object (":                   FormatPrintR,
		"Skip to content\n\nTitle":                  "",
	} {
		if got := DetectFormat([]byte(in)); got != want {
			t.Errorf("DetectFormat(%q) = %q, want %q", in, got, want)
		}
	}
	res, err := Import([]Input{{Name: "bad.json", Data: []byte("[1] not JSON")}}, Options{})
	if err != nil || len(res.Skips) != 1 || !strings.Contains(res.Skips[0].Reason, "looks like wp-json but cannot be read") {
		t.Errorf("auto-detected bad JSON: %v, %+v", err, res)
	}
	if _, err := Import([]Input{{Name: "bad.json", Data: []byte("[1] not JSON")}}, Options{From: FormatJSON}); err == nil {
		t.Errorf("bad JSON given with --from wp-json must be an error")
	}
}

// TestTextBetweenPosts checks that text between two dumped objects is
// reported, not swallowed by the last field of the first.
func TestTextBetweenPosts(t *testing.T) {
	dump := "[0] => WP_Post Object ( [ID] => 1 [post_content] => One. [filter] => raw\n)\nAdam Hug\nDirector of the Centre.\n" +
		"[1] => WP_Post Object ( [ID] => 2 [post_content] => Two. [filter] => raw )"
	posts, skips := ReadPrintR("d.txt", []byte(dump))
	if len(posts) != 2 || posts[0].Content != "One." || posts[1].Content != "Two." {
		t.Fatalf("posts %+v", posts)
	}
	if len(skips) != 1 || skips[0].Source.Line != 3 || !strings.Contains(skips[0].Reason, `"Adam Hug Director of the Centre."`) {
		t.Errorf("skips %+v", skips)
	}
}
