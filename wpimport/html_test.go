package wpimport

import (
	"strings"
	"testing"
)

// TestConvertHTML covers the HTML constructs a manuscript can express.
func TestConvertHTML(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"paragraphs by blank lines (wpautop)", "One\n\nTwo\nstill two", "One\n\nTwo still two\n"},
		{"emphasis with spaces inside the tags", "a <em>‘listening state’ </em>and <strong> bold</strong>.", "a *‘listening state’* and **bold**.\n"},
		{"empty emphasis is dropped", "a<em> </em>b", "a b\n"},
		{"link and bare URL", `see <a href="https://a.org/x">the site</a> or https://b.org/y.`, "see [the site](https://a.org/x) or <https://b.org/y>.\n"},
		{"link whose text is empty", `<a href="https://a.org/x"></a>`, "<https://a.org/x>\n"},
		{"headings", "<h2>Two</h2><h3>Three</h3>", "## Two\n\n### Three\n"},
		{"lists, paragraph inside an item", "<ul><li><p>one</p></li><li>two</li></ul><ol><li>first</li></ol>", "- one\n- two\n\n1. first\n"},
		{"quotation", "<blockquote><p>Quoted.</p></blockquote>", "> Quoted.\n"},
		{"quotations of several paragraphs", "<blockquote><p>One.</p><p>Two.</p></blockquote><blockquote>Other.</blockquote>", "> One.\n>\n> Two.\n\n> Other.\n"},
		{"Word notes", `<p>Text.<a href="#_ftn1" name="_ftnref1">[1]</a></p><hr/><div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> A note.</p></div>`,
			"Text.[^1]\n\n[^1]: A note.\n"},
		{"Word notes with absolute links and bare anchors", `<p>Text.<a href="https://fpc.org.uk/x/#_ftn1" name="_ftnref1">[1]</a> More.<a name="_ftnref2">[2]</a></p><p><a href="https://fpc.org.uk/x/#_ftnref1">[1]</a> One.</p><p><a name="_ftn2">[2]</a> Two.</p>`,
			"Text.[^1] More.[^2]\n\n[^1]: One.\n[^2]: Two.\n"},
		{"line breaks", "<p>Line one<br/>\n# line two <br> </p><h2>A<br>B</h2><ul><li>a<br>b</li></ul>", "Line one\\\n\\# line two\n\n## A B\n\n- a\\\nb\n"},
		{"escaping", "<p>1. not a list, *not emphasis*, [not a link]</p>", "1\\. not a list, \\*not emphasis\\*, \\[not a link\\]\n"},
		{"entities", "<p>A&amp;M &lt;tag&gt; &nbsp;x &#8211; y</p>", "A&M \\<tag> \u00a0x – y\n"},
		{"control characters dropped, invalid UTF-8 replaced", "<p>a\x1eb\u0085c \xe9t\xe9 \x85</p><pre>x\x01\ty</pre>", "abc été ?\n\n```\nx\ty\n```\n"},
	}
	for _, tt := range tests {
		c := Convert(Post{ID: 1, Title: "T", Content: tt.html, HTML: true}, nil)
		md := string(c.Markdown())
		body := md[strings.Index(md, "---\n\n")+5:]
		if body != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, body, tt.want)
		}
	}
}
