package wpimport

import (
	"strings"
	"testing"
)

// TestConvertHTMLMedia covers the pictures, tables, nested lists, deep headings, code and
// rules of WordPress posts, as the manuscript writes them (docs/manuscript.md).
func TestConvertHTMLMedia(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"an image alone in its paragraph is a figure", `<p><img src="https://x.org/wp-content/uploads/2021/07/chart.png?w=600" alt="Cases by year" /></p>`,
			"![Cases by year](images/chart.png)\n"},
		{"an image in a paragraph stands apart from its text", `<p>Before <img src="/a.jpg" alt="A"> after.</p>`,
			"Before\n\n![A](images/a.jpg)\n\nafter.\n"},
		{"[caption] shortcode: the text after the image is the caption", `[caption id="attachment_7" width="600"]<a href="https://x.org/b.jpg"><img src="https://x.org/b.jpg?w=600" alt="Bell" /></a> Bell on the "wharf"[/caption]`,
			"![Bell](images/b.jpg \"Bell on the \\\"wharf\\\"\")\n"},
		{"old [caption] with the caption attribute", `[caption id="a" caption="Old style"]<img src="/c.png" alt="C" />[/caption]`,
			"![C](images/c.png \"Old style\")\n"},
		{"figure and figcaption with a link and emphasis", `<figure class="wp-block-image"><img src="/d.png" alt="D"/><figcaption>Source: <a href="https://e.org/">E</a>, <em>2020</em></figcaption></figure>`,
			"![D](images/d.png \"Source: E (https://e.org/), 2020\")\n"},
		{"an image inside a caption is its alt text", `<figure><img src="/m.png" alt="M"><figcaption>Logo <img src="/n.png" alt="N"> here</figcaption></figure>`,
			"![M](images/m.png \"Logo N here\")\n"},
		{"wp-caption div and dl markup", `<div class="wp-caption"><img src="/e.png" alt="E"><p class="wp-caption-text">Cap E</p></div><dl class="wp-caption"><dt><img src="/f.png" alt="F"></dt><dd class="wp-caption-dd">Cap F</dd></dl>`,
			"![E](images/e.png \"Cap E\")\n\n![F](images/f.png \"Cap F\")\n"},
		{"alt text falls back on a title that is not the file name", `<img src="/g.jpg" title="Camera" alt=""><img src="/dsc_01.jpg" title="dsc_01">`,
			"![Camera](images/g.jpg)\n\n![](images/dsc_01.jpg)\n"},
		{"emoji are their alt text", `<p>Yes <img class="wp-smiley" src="https://s.w.org/images/core/emoji/14/72x72/1f600.png" alt="😀"> no</p>`,
			"Yes 😀 no\n"},
		{"an image in a list item or a heading is inline", `<ul><li>See <img src="/h.png" alt="H"></li></ul><h2>Title <img src="/i.png" alt="I"></h2>`,
			"- See ![H](images/h.png)\n\n## Title I\n"},
		{"a block gallery is a figure per image, its caption a paragraph", `<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li><figure><img src="/j.jpg" alt="J"><figcaption>Cap J</figcaption></figure></li><li><figure><img src="/k.jpg" alt="K"></figure></li></ul><figcaption class="blocks-gallery-caption">Both</figcaption></figure>`,
			"![J](images/j.jpg \"Cap J\")\n\n![K](images/k.jpg)\n\nBoth\n"},
		{"an unclosed figure keeps its paragraphs and lists; its picture comes where it ends (here the end of the post)", `<figure><img src="/o.png" alt="O"><p>One.</p><ul><li>a</li><li>b</li></ul><p>Two.</p>`,
			"One.\n\n- a\n- b\n\nTwo.\n\n![O](images/o.png)\n"},
		{"the same file in two sizes is one image", `<p><img src="/l.png?w=100" alt="L"></p><p><img src="/l.png" alt="L2"></p>`,
			"![L](images/l.png)\n\n![L2](images/l.png)\n"},
		{"table with a header, alignment, a caption and a pipe", `<table><caption>Cases, 2020</caption><thead><tr><th>Year</th><th style="text-align: right">Cases</th></tr></thead><tbody><tr><td>2020</td><td align="right">1|414</td></tr></tbody></table>`,
			"Table: Cases, 2020\n\n| Year | Cases |\n| --- | --: |\n| 2020 | 1\\|414 |\n"},
		{"table without a header row gets an empty one", `<table><tr><td>a</td><td><p>b</p><p>c<br>d</p></td></tr><tr><td colspan="2">e</td></tr></table>`,
			"|  |  |\n| --- | --- |\n| a | b c d |\n| e |  |\n"},
		{"first row of th cells is the header; notes in cells", `<table><tr><th>A</th></tr><tr><td>x<a href="#_ftn1" name="_ftnref1">[1]</a></td></tr></table><p><a href="#_ftnref1" name="_ftn1">[1]</a> N.</p>`,
			"| A |\n| --- |\n| x[^1] |\n\n[^1]: N.\n"},
		{"wp:table figure with its figcaption", `<figure class="wp-block-table"><table><tbody><tr><td class="has-text-align-center" data-align="center">1</td></tr></tbody></table><figcaption>Numbers</figcaption></figure>`,
			"Table: Numbers\n\n|  |\n| :-: |\n| 1 |\n"},
		{"two captioned tables in a row", `<figure><table><tr><td>1</td></tr></table><figcaption>One</figcaption></figure><table><caption>Two</caption><tr><td>2</td></tr></table>`,
			"Table: One\n\n|  |\n| --- |\n| 1 |\n\nTable: Two\n\n|  |\n| --- |\n| 2 |\n"},
		{"a paragraph beginning Table: is not a caption", "<p>Table: not one</p>", "Table\\: not one\n"},
		{"nested lists are indented under their item", `<ul><li>a<ol><li>b<ul><li>c</li></ul></li><li>d</li></ol></li><li>e</li></ul>`,
			"- a\n  1. b\n     - c\n  1. d\n- e\n"},
		{"a figure in a list item is an inline image and text of the item", `<ul><li><figure><img src="/a.png" alt="A"><figcaption>Cap</figcaption></figure></li><li>b</li></ul>`,
			"- ![A](images/a.png) Cap\n- b\n"},
		{"h2 then h4 is ## then ###", "<h2>A</h2><h4>B</h4><h2>C</h2>", "## A\n\n### B\n\n## C\n"},
		{"no heading more than a level below the one before", "<h4>A</h4><h2>B</h2><h3>C</h3>", "## A\n\n## B\n\n### C\n"},
		{"h4 is ####", "<h2>A</h2><h3>B</h3><h4>C</h4>", "## A\n\n### B\n\n#### C\n"},
		{"h5 and h6 under h2 are kept as ####", "<h2>A</h2><h3>B</h3><h4>C</h4><h5>D</h5><h6>E</h6>", "## A\n\n### B\n\n#### C\n\n#### D\n\n#### E\n"},
		{"pre is a fenced code block, kept exactly", "<pre class=\"wp-block-code\"><code class=\"language-go\">if a &lt; b {\n\n\treturn `x` // *not* [emphasis]\n}</code></pre>",
			"```go\nif a < b {\n\n\treturn `x` // *not* [emphasis]\n}\n```\n"},
		{"a fence longer than the code's backticks", "<pre>```\nx\n```</pre>", "````\n```\nx\n```\n````\n"},
		{"code spans", "<p>Use <code>a_b*</code> or <kbd>`k`</kbd>.</p>", "Use `a_b*` or `` `k` ``.\n"},
		{"a rule between paragraphs; none at the end", "<p>a</p><hr><hr/><p>b</p><hr>", "a\n\n---\n\nb\n"},
	}
	for _, tt := range tests {
		c := Convert(Post{ID: 1, Title: "T", Content: tt.html, HTML: true}, nil)
		md := string(c.Markdown())
		body := md[strings.Index(md, "---\n\n")+5:]
		if body != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, body, tt.want)
		}
		for _, w := range c.Warnings {
			if strings.Contains(w.Msg, "cannot be expressed") {
				t.Errorf("%s: %s", tt.name, w.Msg)
			}
		}
	}
}
