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
