package wpimport

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/png"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// Image is one picture of an imported chapter: the address the post shows it from, and
// the file the edition keeps it in.
type Image struct {
	URL  string // the <img> src, as the post has it
	Path string // inside the edition folder, e.g. "images/chart.png" (named by Import, per edition)
	// File is where Plan found the picture in the uploads folder, "" when it was not
	// found there: the run report then lists it to fetch.
	File string
}

// Fetch is a picture that the import references but could not copy: it has to be
// fetched from URL into Path (relative to the content directory).
type Fetch struct {
	URL, Path string
}

// maxImageSize is the largest picture the importer copies (bindery's limit for the
// images it reads, docs/manuscript.md).
const maxImageSize = 16 << 20

// nameImages gives every image of an edition its file in the edition's images
// folder: the last part of its address, with -2, -3 … when two addresses end alike.
// The same address (up to its query, which asks WordPress for another size) is one file.
func (e *Edition) nameImages() {
	byKey := map[string]*Image{}
	used := map[string]bool{}
	for _, c := range e.Chapters {
		for i, img := range c.images {
			key := imageKey(img.URL)
			if first, ok := byKey[key]; ok {
				c.images[i] = first
				continue
			}
			name := imageName(img.URL)
			ext := path.Ext(name)
			stem := strings.TrimSuffix(name, ext)
			for n := 2; used[strings.ToLower(name)]; n++ {
				name = fmt.Sprintf("%s-%d%s", stem, n, ext)
			}
			used[strings.ToLower(name)] = true
			img.Path = "images/" + name
			byKey[key] = img
			e.Images = append(e.Images, img)
		}
	}
}

// imagePath is the path a chapter's text gives for its i-th image.
func (c *Chapter) imagePath(i int) string {
	if i < 0 || i >= len(c.images) {
		return ""
	}
	if p := c.images[i].Path; p != "" {
		return p
	}
	return "images/" + imageName(c.images[i].URL)
}

// resolveImages replaces the stand-ins of inline images with their paths.
func (c *Chapter) resolveImages(s string) string {
	if !strings.Contains(s, "\x00") {
		return s
	}
	return imageRefs().ReplaceAllStringFunc(s, func(m string) string {
		n := 0
		fmt.Sscan(imageRefs().FindStringSubmatch(m)[1], &n)
		return linkDest(c.imagePath(n))
	})
}

// uploadsBeside finds the uploads folder of a site backup beside an export file:
// "uploads" or "wp-content/uploads" in the same folder.
func uploadsBeside(file string) string {
	dir := path.Dir(strings.ReplaceAll(file, `\`, "/"))
	for _, d := range []string{"uploads", "wp-content/uploads"} {
		p := path.Join(dir, d)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	return ""
}

// readUpload finds an image's file in the uploads folder by the end of its address
// (WordPress keeps uploads as YEAR/MONTH/NAME below it) and reads it. It never leaves
// the folder, also not by a symbolic link.
func readUpload(root *os.Root, src string) (string, []byte, error) {
	u, err := url.Parse(src)
	if err != nil {
		return "", nil, err
	}
	p := u.Path
	if _, after, ok := strings.Cut(p, "/uploads/"); ok {
		p = after
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	for i := range parts {
		rel := strings.Join(parts[i:], "/")
		if s, err := url.PathUnescape(rel); err == nil {
			rel = s
		}
		if !fs.ValidPath(rel) {
			continue
		}
		data, err := readRootFile(root, rel)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotFile) {
			continue
		}
		return rel, data, err
	}
	return "", nil, fs.ErrNotExist
}

var errNotFile = errors.New("not a regular file")

func readRootFile(root *os.Root, rel string) ([]byte, error) {
	f, err := root.Open(rel)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("%w: %v", fs.ErrNotExist, err) // outside the folder, a bad name: not there
		}
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotFile
	}
	if st.Size() > maxImageSize {
		return nil, fmt.Errorf("%s is %.1f MiB; the importer copies images up to %d MiB", rel, float64(st.Size())/(1<<20), maxImageSize>>20)
	}
	return io.ReadAll(io.LimitReader(f, maxImageSize+1))
}

// imageFormat names the format of a picture's bytes: "PNG", "JPEG", or what else it is.
func imageFormat(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "JPEG"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "GIF"
	case len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "WebP"
	}
	return "not PNG or JPEG"
}

// toPNG converts a GIF (its first frame) or a WebP picture to PNG, which bindery embeds.
func toPNG(data []byte, format string) ([]byte, error) {
	var img image.Image
	var err error
	switch format {
	case "GIF":
		img, err = gif.Decode(bytes.NewReader(data))
	case "WebP":
		img, err = webp.Decode(bytes.NewReader(data))
	default:
		return nil, fmt.Errorf("%s is not converted", format)
	}
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// freeName returns p, or p with -2, -3 … before its extension, so that no other picture
// of the edition has that path.
func (e *Edition) freeName(p string) string {
	taken := func(q string) bool {
		for _, img := range e.Images {
			if strings.EqualFold(img.Path, q) {
				return true
			}
		}
		return false
	}
	ext := path.Ext(p)
	stem := strings.TrimSuffix(p, ext)
	for n := 2; taken(p); n++ {
		p = fmt.Sprintf("%s-%d%s", stem, n, ext)
	}
	return p
}
