package wpimport

import (
	"fmt"
	"time"
)

// Source is where something was read: a file and a 1-based line and column.
type Source struct {
	File string
	Line int
	Col  int
}

// String formats the source as "file L12" or "file L12 c7".
func (s Source) String() string {
	switch {
	case s.Line == 0:
		return s.File
	case s.Col <= 1:
		return fmt.Sprintf("%s L%d", s.File, s.Line)
	}
	return fmt.Sprintf("%s L%d c%d", s.File, s.Line, s.Col)
}

// Post is one WordPress post as read from a dump, an export or an API response.
type Post struct {
	ID         int
	Title      string
	Author     string    // display name, when the input gives one (WXR)
	Date       time.Time // post_date, local time of the site
	Status     string    // publish, draft, private, ...
	Type       string    // post, page, attachment, ...
	Categories []string  // names or slugs (WXR), ids (REST)
	Tags       []string
	Content    string
	HTML       bool   // Content is HTML (WXR, REST) rather than print_r text
	Source     Source // where the post's content starts
	Site       string // the site's name, when the input names it
	// Damage lists what makes the copy unreliable (fields that contradict
	// each other, content of another post glued in); a damaged post is
	// skipped when a sound copy exists and reported either way.
	Damage []string
	// Cut is where the input ends inside the post (a dump cut off in the middle
	// of a post), or the zero Source when the copy is whole.
	Cut Source
	// CutInContent says the input ends inside the content itself (else among the
	// fields that follow it: the text is whole, the title or status may not be).
	CutInContent bool

	// Attachment describes the file of an attachment (Type "attachment", from a WXR
	// export), nil for other posts.
	Attachment *Attachment

	media map[int]*Attachment // the input's attachments by post ID, for [gallery] (set by Import)
	loc   *locator            // the input file, for positions inside the content
	base  int                 // byte offset of Content in that file
}

// Attachment is a media file of a WordPress export: an image a gallery shows.
type Attachment struct {
	ID      int
	URL     string // the file's address (wp:attachment_url)
	Parent  int    // the post it was uploaded to, 0 for none
	Order   int    // its place among that post's attachments (menu_order)
	Title   string
	Caption string // the excerpt, which WordPress prints under the image
	Alt     string // the alternative text (_wp_attachment_image_alt)
}

// Skip records an input part that was read but not imported, with the reason.
type Skip struct {
	Source Source
	Post   int // post ID, or 0 when the part is not a post
	Reason string
}

// String formats the skip as one line of the run report.
func (s Skip) String() string {
	if s.Post != 0 {
		return fmt.Sprintf("%s: skipped post %d: %s", s.Source, s.Post, s.Reason)
	}
	return fmt.Sprintf("%s: skipped: %s", s.Source, s.Reason)
}

// Warning is a problem found while converting a post, named by post and place.
type Warning struct {
	Source Source
	Post   int
	Msg    string
}

// String formats the warning as one line of the run report.
func (w Warning) String() string {
	if w.Post != 0 {
		return fmt.Sprintf("%s: warning: post %d: %s", w.Source, w.Post, w.Msg)
	}
	return fmt.Sprintf("%s: warning: %s", w.Source, w.Msg)
}
