package wpimport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
)

// restPost is one post of the WordPress REST API (/wp-json/wp/v2/posts).
type restPost struct {
	ID     int    `json:"id"`
	Date   string `json:"date"`
	Status string `json:"status"`
	Type   string `json:"type"`
	Title  struct {
		Rendered string `json:"rendered"`
	} `json:"title"`
	Content struct {
		Rendered string `json:"rendered"`
	} `json:"content"`
	Categories []int `json:"categories"`
	Tags       []int `json:"tags"`
}

// ReadJSON reads a REST API response: an array of posts, or one post.
// Categories and tags are the API's numeric IDs.
func ReadJSON(name string, data []byte) ([]Post, error) {
	loc := newLocator(name, string(data))
	d := json.NewDecoder(bytes.NewReader(data))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if e := restError(trimmed); e != "" {
			return nil, fmt.Errorf("%s: %s", name, e)
		}
		var rp restPost
		if err := d.Decode(&rp); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return []Post{rp.post(loc.at(len(data) - len(trimmed)))}, nil
	}
	if _, err := d.Token(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var posts []Post
	for d.More() {
		off := int(d.InputOffset())
		var rp restPost
		if err := d.Decode(&rp); err != nil {
			return posts, fmt.Errorf("%s: %w", loc.at(off), err)
		}
		rest := data[off:]
		off += len(rest) - len(bytes.TrimLeft(rest, " \t\r\n,"))
		posts = append(posts, rp.post(loc.at(off)))
	}
	return posts, nil
}

func (rp restPost) post(src Source) Post {
	p := Post{ID: rp.ID, Title: strings.TrimSpace(html.UnescapeString(stripTags(rp.Title.Rendered))),
		Status: rp.Status, Type: rp.Type, Content: rp.Content.Rendered, HTML: true, Source: src}
	if p.Type == "" {
		p.Type = "post"
	}
	if t, err := time.Parse("2006-01-02T15:04:05", rp.Date); err == nil {
		p.Date = t
	}
	for _, c := range rp.Categories {
		p.Categories = append(p.Categories, strconv.Itoa(c))
	}
	for _, t := range rp.Tags {
		p.Tags = append(p.Tags, strconv.Itoa(t))
	}
	return p
}

// stripTags removes HTML tags from a short string such as a rendered title.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// restError describes the error object the REST API returns instead of posts
// ({"code": "rest_no_route", "message": …}), or returns "" for anything else.
func restError(data []byte) string {
	var e struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		ID      *int   `json:"id"`
	}
	if json.Unmarshal(data, &e) != nil || e.Code == "" || e.ID != nil {
		return ""
	}
	return fmt.Sprintf("a REST API error response, not posts (code %s: %s)", e.Code, firstWords(e.Message, 20))
}
