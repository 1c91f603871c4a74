package preview

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
)

// edition is one built edition as the server holds it: the EPUB's files unpacked, its spine
// in reading order with each page's title, and the PDF.
type edition struct {
	name, report, lang, title string
	files                     map[string][]byte // EPUB entries by path inside the container
	spine                     []page
	pdf                       []byte
	pdfPages                  int
}

// page is one XHTML document of the spine.
type page struct{ href, title string }

// unpackEPUB reads an EPUB: every entry, and the spine of the package document that
// META-INF/container.xml names.
func unpackEPUB(data []byte) (map[string][]byte, []page, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
		files[f.Name] = b
	}
	var container struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(files["META-INF/container.xml"], &container); err != nil || len(container.Rootfiles) == 0 {
		return nil, nil, fmt.Errorf("EPUB has no readable META-INF/container.xml")
	}
	opf := container.Rootfiles[0].Path
	var pkg struct {
		Items []struct {
			ID   string `xml:"id,attr"`
			Href string `xml:"href,attr"`
		} `xml:"manifest>item"`
		Refs []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"spine>itemref"`
	}
	if err := xml.Unmarshal(files[opf], &pkg); err != nil {
		return nil, nil, fmt.Errorf("EPUB package %s: %v", opf, err)
	}
	hrefs := map[string]string{}
	for _, it := range pkg.Items {
		hrefs[it.ID] = path.Join(path.Dir(opf), it.Href)
	}
	var spine []page
	for _, r := range pkg.Refs {
		if h, ok := hrefs[r.IDRef]; ok {
			spine = append(spine, page{href: h, title: titleOf(files[h], h)})
		}
	}
	return files, spine, nil
}

var titleRE = regexp.MustCompile(`(?s)<title>(.*?)</title>`)

// titleOf returns the text of an XHTML document's title element, or its file name.
func titleOf(doc []byte, href string) string {
	if m := titleRE.FindSubmatch(doc); m != nil {
		return html.UnescapeString(string(m[1]))
	}
	return path.Base(href)
}
