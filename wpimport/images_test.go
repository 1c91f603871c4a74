package wpimport

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mediaWXR is an export of two posts and three attachments: post 10 shows a
// [gallery] of its own uploads and a photo whose name another post's differs from
// only in its folder; post 11 names attachments by ID, one of them not exported.
func mediaWXR() []byte {
	item := func(id int, typ, title, content, extra string) string {
		return fmt.Sprintf(`<item><title>%s</title><content:encoded><![CDATA[%s]]></content:encoded><wp:post_id>%d</wp:post_id>`+
			`<wp:post_date>2021-07-0%d 10:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>%s</wp:post_type>%s</item>`,
			title, content, id, id%9+1, typ, extra)
	}
	att := func(id, parent, order int, file, caption, alt string) string {
		return item(id, "attachment", file, "", fmt.Sprintf(`<wp:post_parent>%d</wp:post_parent><wp:menu_order>%d</wp:menu_order>`+
			`<wp:attachment_url>https://x.org/wp-content/uploads/%s</wp:attachment_url><excerpt:encoded><![CDATA[%s]]></excerpt:encoded>`+
			`<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>`,
			parent, order, file, caption, alt))
	}
	return []byte(`<?xml version="1.0"?><rss xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Site</title>` +
		item(10, "post", "First", `Text.<p><img src="https://x.org/wp-content/uploads/2020/01/photo.jpg?w=300" alt="Photo one"></p>[gallery]`, "") +
		item(11, "post", "Second", `Text.<p><img src="https://x.org/wp-content/uploads/2021/02/photo.jpg" alt="Photo two"></p>[gallery ids="21,99"]`, "") +
		att(20, 10, 2, "2021/07/second.gif", "Second in the gallery", "Chart B") +
		att(21, 10, 1, "2021/07/first.png", "First in the gallery", "Chart A") +
		att(22, 0, 0, "2021/07/loose.png", "", "") +
		`</channel></rss>`)
}

// TestImportImages imports the media fixture: galleries become figures in their
// order, images are named per edition (photo.jpg, photo-2.jpg), the pictures found
// in the uploads folder beside the export are copied (a GIF converted to PNG) and
// recorded, the others listed to fetch, and nothing outside the uploads folder is read.
func TestImportImages(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "site.xml")
	os.WriteFile(export, mediaWXR(), 0o644)
	png := []byte("\x89PNG\r\n\x1a\nfirst")
	uploads := filepath.Join(dir, "wp-content", "uploads")
	var gifData bytes.Buffer
	gif.Encode(&gifData, image.NewPaletted(image.Rect(0, 0, 3, 2), color.Palette{color.Black, color.White}), nil)
	for name, data := range map[string][]byte{"2021/07/first.png": png, "2020/01/photo.jpg": []byte("\xff\xd8\xff jpeg"), "2021/07/notes.txt": []byte("x"),
		"2021/07/second.gif": gifData.Bytes()} {
		os.MkdirAll(filepath.Join(uploads, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(uploads, name), data, 0o644)
	}
	secret := filepath.Join(dir, "secret.png")
	os.WriteFile(secret, []byte("\x89PNG\r\n\x1a\nsecret"), 0o644)
	os.MkdirAll(filepath.Join(uploads, "2021", "02"), 0o755)
	if err := os.Symlink(secret, filepath.Join(uploads, "2021", "02", "photo.jpg")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "content")
	var report bytes.Buffer
	if err := Run([]string{export}, Options{Out: out, Report: "r", Lang: "en", Publisher: "P"}, false, &report); err != nil {
		t.Fatalf("%v\n%s", err, &report)
	}
	ed := filepath.Join(out, "r", "en")
	first, _ := os.ReadFile(filepath.Join(ed, "01-first.md"))
	second, _ := os.ReadFile(filepath.Join(ed, "02-second.md"))
	for _, want := range []string{"![Photo one](images/photo.jpg)\n", "![Chart A](images/first.png \"First in the gallery\")\n\n![Chart B](images/second.png \"Second in the gallery\")\n"} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("01-first.md lacks %q:\n%s", want, first)
		}
	}
	if want := "![Photo two](images/photo-2.jpg)\n\n![Chart A](images/first.png \"First in the gallery\")\n"; !bytes.Contains(second, []byte(want)) {
		t.Errorf("02-second.md lacks %q:\n%s", want, second)
	}
	if got, _ := os.ReadFile(filepath.Join(ed, "images", "first.png")); !bytes.Equal(got, png) {
		t.Errorf("images/first.png was not copied from the uploads folder: %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(ed, "images", "second.png")); imageFormat(got) != "PNG" {
		t.Errorf("the GIF was not converted to images/second.png: %q", got)
	}
	if _, err := os.Stat(filepath.Join(ed, "images", "photo-2.jpg")); err == nil {
		t.Errorf("a symbolic link out of the uploads folder was followed")
	}
	rec, _ := os.ReadFile(filepath.Join(ed, RecordFile))
	for _, want := range []string{"  images/first.png\n", "  images/photo.jpg\n"} {
		if !bytes.Contains(rec, []byte(want)) {
			t.Errorf("%s lacks %q:\n%s", RecordFile, want, rec)
		}
	}
	r := report.String()
	for _, want := range []string{
		"fetch https://x.org/wp-content/uploads/2021/02/photo.jpg -> r/en/images/photo-2.jpg\n",
		"post 11: a [gallery] shows attachments that the input does not hold (99)",
		"r/en/images/second.png: warning: image https://x.org/wp-content/uploads/2021/07/second.gif is GIF, which bindery does not embed: its first frame is written as a PNG",
		"1 picture not in an uploads folder",
	} {
		if !strings.Contains(r, want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
	// A second run finds everything as it wrote it.
	report.Reset()
	if err := Run([]string{export}, Options{Out: out, Report: "r", Lang: "en", Publisher: "P"}, true, &report); err != nil || !strings.Contains(report.String(), "unchanged r/en/images/first.png") {
		t.Errorf("dry run after the import: %v\n%s", err, &report)
	}
}
