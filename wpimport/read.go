package wpimport

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Input formats.
const (
	FormatPrintR = "printr"
	FormatWXR    = "wxr"
	FormatJSON   = "wp-json"
)

// DetectFormat guesses the format of an input from its first bytes and its
// markers, or returns "" when it is none of the three.
func DetectFormat(data []byte) string {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n\ufeff")
	switch {
	case len(head) > 0 && (head[0] == '[' || head[0] == '{') && !bytes.HasPrefix(head, []byte("[0] =>")):
		return FormatJSON
	case bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<rss")):
		return FormatWXR
	case bytes.Contains(data, []byte("WP_Post Object")) || bytes.Contains(data, []byte("[post_content] =>")):
		return FormatPrintR
	}
	return ""
}

// readInput reads one input in the given format, or in the detected one.
// An input in no known format is skipped, not an error, so that a run over
// a folder of scrapes reports what it left out.
func readInput(in Input, from string) ([]Post, []Skip, string, error) {
	format := from
	if format == "" {
		format = DetectFormat(in.Data)
	}
	switch format {
	case FormatPrintR:
		posts, skips := ReadPrintR(in.Name, in.Data)
		return posts, skips, format, nil
	case FormatWXR, FormatJSON:
		read := ReadWXR
		if format == FormatJSON {
			read = ReadJSON
		}
		posts, err := read(in.Name, in.Data)
		if err != nil && from == "" {
			// Detected from the first bytes only: report, do not stop the run.
			return posts, []Skip{{Source: Source{File: in.Name, Line: 1}, Reason: fmt.Sprintf(
				"looks like %s but cannot be read: %v", format, err)}}, format, nil
		}
		return posts, nil, format, err
	case "":
		return nil, []Skip{{Source: Source{File: in.Name, Line: 1}, Reason: "not a print_r dump, WXR export or REST JSON: " + describeText(in.Data)}}, "unknown format", nil
	}
	return nil, nil, "", fmt.Errorf("unknown input format %q (want printr, wxr or wp-json)", from)
}

// describeText names what a file that is not a WordPress dump looks like.
func describeText(data []byte) string {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "the file is empty"
	case !textLike(data[:min(len(data), 2000)]):
		return fmt.Sprintf("binary data, not text (%d bytes)", len(data))
	}
	s := string(data[:min(len(data), 2000)])
	lines := strings.Split(strings.TrimSpace(s), "\n")
	first := strings.TrimSpace(lines[0])
	switch {
	case strings.Contains(s, "From Wikipedia, the free encyclopedia"):
		return fmt.Sprintf("the Wikipedia article %q", first)
	case first == "Skip to content" || first == "Scroll Top" || strings.Contains(s, "Skip to content"):
		return fmt.Sprintf("a web page scrape (%q)", firstWords(strings.Join(lines[1:min(len(lines), 4)], " "), 10))
	}
	return fmt.Sprintf("text starting %q", firstWords(s, 8))
}

// textLike reports whether head, the start of a file, is UTF-8 text without NUL bytes
// (its last character may be cut).
func textLike(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for i := 0; i < utf8.UTFMax && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	return utf8.Valid(head)
}
