package wpimport

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// wxrItem is one <item> of a WordPress export, with the fields we use.
// Tags without a namespace match the wp: elements of any WXR version.
type wxrItem struct {
	Title   string `xml:"title"`
	Creator string `xml:"creator"`
	Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	PostID  string `xml:"post_id"`
	Date    string `xml:"post_date"`
	Status  string `xml:"status"`
	Type    string `xml:"post_type"`
	// Attachments: the file's address, the post it belongs to, its place in that
	// post's gallery, its caption (the excerpt) and its alt text (a postmeta).
	AttachmentURL string `xml:"attachment_url"`
	Parent        string `xml:"post_parent"`
	MenuOrder     string `xml:"menu_order"`
	Excerpt       string `xml:"encoded"` // excerpt:encoded (content:encoded matches Content first)
	Meta          []struct {
		Key   string `xml:"meta_key"`
		Value string `xml:"meta_value"`
	} `xml:"postmeta"`
	Cats []struct {
		Domain   string `xml:"domain,attr"`
		Nicename string `xml:"nicename,attr"`
		Name     string `xml:",chardata"`
	} `xml:"category"`
}

// wxrAuthor is one <wp:author> of the channel: a login and the name to print.
type wxrAuthor struct {
	Login string `xml:"author_login"`
	Name  string `xml:"author_display_name"`
}

// ReadWXR reads a WordPress export file (the RSS-based XML that Tools >
// Export writes). Every item becomes a Post with HTML content and its
// author's display name; attachments, menu items and other types are kept
// so that the caller can report them.
func ReadWXR(name string, data []byte) ([]Post, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	loc := newLocator(name, string(data))
	var posts []Post
	authors := map[string]string{} // login -> display name
	site, inChannelTitle := "", false
	for {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return posts, fmt.Errorf("%s: %w", loc.at(int(d.InputOffset())), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "item":
				var it wxrItem
				if err := d.DecodeElement(&it, &t); err != nil {
					return posts, fmt.Errorf("%s: %w", loc.at(off), err)
				}
				p := it.post(loc.at(off), site)
				p.Author = authors[strings.TrimSpace(it.Creator)]
				posts = append(posts, p)
			case t.Name.Local == "author" && t.Name.Space != "":
				var a wxrAuthor
				if err := d.DecodeElement(&a, &t); err != nil {
					return posts, fmt.Errorf("%s: %w", loc.at(off), err)
				}
				authors[strings.TrimSpace(a.Login)] = strings.TrimSpace(a.Name)
			case t.Name.Local == "title" && site == "":
				inChannelTitle = true
			}
		case xml.CharData:
			if inChannelTitle {
				site = strings.TrimSpace(string(t))
				inChannelTitle = false
			}
		case xml.EndElement:
			inChannelTitle = false
		}
	}
	return posts, nil
}

func (it wxrItem) post(src Source, site string) Post {
	id, _ := strconv.Atoi(strings.TrimSpace(it.PostID))
	p := Post{ID: id, Title: strings.TrimSpace(it.Title), Status: it.Status, Type: it.Type,
		Content: it.Content, HTML: true, Source: src, Site: site}
	if t, err := time.Parse(time.DateTime, strings.TrimSpace(it.Date)); err == nil {
		p.Date = t
	}
	if p.Type == "attachment" {
		p.Attachment = &Attachment{ID: id, Title: p.Title, URL: strings.TrimSpace(it.AttachmentURL), Caption: strings.TrimSpace(it.Excerpt)}
		p.Attachment.Parent, _ = strconv.Atoi(strings.TrimSpace(it.Parent))
		p.Attachment.Order, _ = strconv.Atoi(strings.TrimSpace(it.MenuOrder))
		for _, m := range it.Meta {
			if strings.TrimSpace(m.Key) == "_wp_attachment_image_alt" {
				p.Attachment.Alt = strings.TrimSpace(m.Value)
			}
		}
	}
	for _, c := range it.Cats {
		names := []string{strings.TrimSpace(c.Name), c.Nicename}
		if c.Domain == "post_tag" {
			p.Tags = append(p.Tags, names...)
		} else if c.Domain == "category" {
			p.Categories = append(p.Categories, names...)
		}
	}
	return p
}
