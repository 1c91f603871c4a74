package wpimport

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// printrToken matches the structure of a print_r dump of WP_Post objects:
// an object header "[3] => WP_Post Object (" or a field name "[post_title] =>".
var printrToken = lazyRegexp(`\[(\d+)\] => WP_Post Object\s*\(|\[(ID|post_author|post_date|post_date_gmt|post_content|post_title|post_excerpt|post_status|comment_status|ping_status|post_password|post_name|to_ping|pinged|post_modified|post_modified_gmt|post_content_filtered|post_parent|guid|menu_order|post_type|post_mime_type|comment_count|filter)\] =>[ ]?`)

var guidID = lazyRegexp(`[?&](?:p|page_id)=(\d+)`)

// htmlMarkup finds the tags of post content stored as HTML (the block
// editor's, or the classic editor's with markup); such a dump's content is
// read as HTML, like a WXR export's.
var htmlMarkup = lazyRegexp(`(?i)<!-- /?wp:|</(?:p|div|h[1-6]|ul|ol|li|blockquote|em|strong|a)>`)

// rawPost collects the fields of one WP_Post object while a dump is scanned.
type rawPost struct {
	header    int // byte offset of the object header, -1 if none
	fields    map[string]string
	contentAt int
	cut       int  // offset of the end of the input when it ends inside the object, else -1
	inContent bool // the input ends inside the content (else among the fields after it)
}

// ReadPrintR reads a PHP print_r dump of WP_Post objects, in either of the
// shapes WordPress debugging output takes: one field per line, or flattened
// with a whole post on one physical line. Text outside any post is reported
// as a Skip. name is used in positions.
func ReadPrintR(name string, data []byte) ([]Post, []Skip) {
	text := string(data)
	loc := newLocator(name, text)
	raws, skips := scanPrintR(text, loc)
	var posts []Post
	for _, r := range raws {
		if p, ok := r.post(loc); ok {
			posts = append(posts, p)
		}
	}
	return posts, skips
}

// scanPrintR collects the fields of every object in a dump. A field seen
// twice without an object header between starts a new, headerless object:
// dumps glue the fields of one post to the content of another.
func scanPrintR(text string, loc *locator) ([]*rawPost, []Skip) {
	var raws []*rawPost
	var skips []Skip
	var cur *rawPost
	matches := printrToken().FindAllStringSubmatchIndex(text, -1)
	if len(matches) == 0 {
		return nil, appendOutside(nil, loc, text, 0, len(text))
	}
	skips = appendOutside(skips, loc, text, 0, matches[0][0])
	for i, m := range matches {
		end := len(text)
		if i+1 < len(matches) {
			end = matches[i+1][0]
		}
		if m[2] >= 0 { // object header
			cur = &rawPost{header: m[0], fields: map[string]string{}, cut: -1}
			raws = append(raws, cur)
			continue
		}
		field := text[m[4]:m[5]]
		if cur == nil || hasField(cur, field) {
			cur = &rawPost{header: -1, fields: map[string]string{}, cut: -1}
			raws = append(raws, cur)
		}
		val := text[m[1]:end]
		switch field {
		case "post_content":
			cur.contentAt = m[1]
			if i == len(matches)-1 && !closesObject(val) {
				cur.cut, cur.inContent = len(strings.TrimRight(text, " \t\r\n")), true
			}
			cur.fields[field] = strings.TrimRight(val, " \n\u00a0")
		case "filter": // the last field: what follows on other lines is outside the object
			if nl := strings.IndexByte(val, '\n'); nl >= 0 {
				skips = appendOutside(skips, loc, text, m[1]+nl, end)
				val = val[:nl]
			}
			cur.fields[field] = trimFieldValue(val)
		default:
			cur.fields[field] = trimFieldValue(val)
			if i == len(matches)-1 && !closesObject(val) && !strings.Contains(val, ")") {
				cur.cut = len(strings.TrimRight(text, " \t\r\n"))
			}
		}
	}
	return raws, skips
}

func hasField(r *rawPost, f string) bool {
	_, ok := r.fields[f]
	return ok
}

// trimFieldValue strips the print_r structure that follows a scalar field:
// closing parentheses of the object and of the array, and whitespace.
func trimFieldValue(v string) string {
	v = strings.TrimSpace(v)
	for strings.HasSuffix(v, ")") && !strings.Contains(v, "(") {
		v = strings.TrimSpace(strings.TrimSuffix(v, ")"))
	}
	return v
}

// appendOutside reports the text between two dump structures when it holds
// more than print_r punctuation.
func appendOutside(skips []Skip, loc *locator, text string, from, to int) []Skip {
	chunk := text[from:to]
	trimmed := strings.TrimSpace(strings.NewReplacer("Array", "", "(", "", ")", "").Replace(chunk))
	if trimmed == "" {
		return skips
	}
	start := from + contentStart(chunk)
	first, last := loc.at(start), loc.at(to)
	reason := fmt.Sprintf("text outside any WP_Post object (L%d-L%d, %d characters: %s)",
		first.Line, last.Line, len([]rune(trimmed)), describeOutside(trimmed))
	return append(skips, Skip{Source: first, Reason: reason})
}

// contentStart returns the offset of the first character of s that is not
// whitespace or print_r punctuation ("Array", parentheses).
func contentStart(s string) int {
	i := 0
	for i < len(s) {
		switch rest := s[i:]; {
		case strings.HasPrefix(rest, "Array"):
			i += len("Array")
		case strings.ContainsRune(" \t\r\n()", rune(s[i])):
			i++
		default:
			return i
		}
	}
	return i
}

// describeOutside names what stray text outside posts usually is.
func describeOutside(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 0 && len([]rune(lines[0])) < 40 {
		return "page chrome or an author bio starting " + strconv.Quote(firstWords(s, 6))
	}
	return "starting " + strconv.Quote(firstWords(s, 6))
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// post turns the collected fields into a Post, recording contradictions.
func (r *rawPost) post(loc *locator) (Post, bool) {
	content, hasContent := r.fields["post_content"]
	id, _ := strconv.Atoi(r.fields["ID"])
	p := Post{ID: id, Title: r.fields["post_title"], Status: r.fields["post_status"],
		Type: r.fields["post_type"], Content: content, HTML: htmlMarkup().MatchString(content)}
	if p.Type == "" {
		p.Type = "post"
	}
	if m := guidID().FindStringSubmatch(r.fields["guid"]); m != nil {
		g, _ := strconv.Atoi(m[1])
		switch {
		case p.ID == 0:
			p.ID = g
		case g != p.ID:
			p.Damage = append(p.Damage, fmt.Sprintf(
				"the object header says ID %d but the title and guid that follow the content belong to post %d", p.ID, g))
		}
	}
	if d, err := time.Parse(time.DateTime, r.fields["post_date"]); err == nil {
		p.Date = d
	}
	p.loc, p.base = loc, r.contentAt
	if hasContent {
		p.Source = loc.at(r.contentAt)
	} else if r.header >= 0 {
		p.Source = loc.at(r.header)
	}
	if !hasContent && p.ID == 0 {
		return p, false
	}
	if !hasContent {
		p.Damage = append(p.Damage, "the dump holds no content for this post")
	}
	if r.cut >= 0 {
		p.Cut, p.CutInContent = loc.at(r.cut), r.inContent
	}
	return p, true
}

// closesObject reports whether the text after a post's content ends its print_r
// object: a line holding only ")" (multi-line dumps) or " )" followed by more
// (flattened ones). A dump that ends inside the content was cut off.
func closesObject(rest string) bool {
	for _, l := range strings.Split(rest, "\n") {
		if strings.TrimSpace(l) == ")" {
			return true
		}
	}
	return false
}
