package book

import "strings"

// DisplayTitle is an edition's title as its display pages print it (the PDF's title page, the
// EPUB's cover, the printed cover): three levels, each printed once.
type DisplayTitle struct {
	Series   string
	Title    string
	Subtitle string
}

// Display splits the title into its display levels: the series, the title and the subtitle. A
// title that repeats the series before a colon ("Retreating Rights: Examining …") prints the
// series once, above, and the rest as the title; any other title with a colon and no subtitle
// of its own prints the part after the colon as the subtitle.
func (m Metadata) Display() DisplayTitle {
	d := DisplayTitle{Series: m.Series, Title: m.Title, Subtitle: m.Subtitle}
	head, tail, ok := strings.Cut(m.Title, ": ")
	switch {
	case !ok:
	case d.Series != "" && strings.EqualFold(strings.TrimSpace(head), strings.TrimSpace(d.Series)):
		d.Title = tail
	case d.Subtitle == "":
		d.Title, d.Subtitle = head, tail
	}
	return d
}
