// Package preflight checks a print PDF the way a printer's prepress department does, for
// bindery's tests: it reads the file through qpdf's JSON (every object, streams decoded) and
// reports each rule of docs/print.md the file breaks. It sits outside the pipeline; the
// product never calls it.
package preflight

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strings"

	"github.com/fpc/bindery/icc"
)

// Expect is what the file should be.
type Expect struct {
	TrimW, TrimH float64 // trim box size in points
	Bleed        float64 // in points, on all four sides
	Interior     bool    // an interior: page count a multiple of 4, ink on the black plate alone
	Title        string  // the edition's title, in Info and XMP
}

// doc is the qpdf JSON of a file.
type doc struct {
	PDFVersion string
	Objects    map[string]object // by "N 0 R"
	Trailer    map[string]any
	Pages      []string // page object references in order
}

type object struct {
	Value  any            // a dictionary, array or scalar
	Dict   map[string]any // the dictionary of a stream
	Data   []byte         // a stream's decoded data
	Stream bool
}

// Check runs qpdf on the file at path and returns every broken rule, "" problems for none.
func Check(qpdf, path string, want Expect) ([]string, error) {
	d, err := load(qpdf, path)
	if err != nil {
		return nil, err
	}
	c := &checker{d: d, want: want}
	c.header()
	c.info()
	c.outputIntent()
	c.colour()
	c.fonts()
	c.pages()
	return c.problems, nil
}

type checker struct {
	d        *doc
	want     Expect
	problems []string
}

func (c *checker) fail(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

func load(qpdf, path string) (*doc, error) {
	out, err := exec.Command(qpdf, "--json", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	if err != nil {
		return nil, fmt.Errorf("preflight: qpdf --json %s: %v", path, err)
	}
	var raw struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &raw); err != nil || len(raw.QPDF) != 2 {
		return nil, fmt.Errorf("preflight: qpdf JSON: %v", err)
	}
	var head struct {
		PDFVersion string `json:"pdfversion"`
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
			Data string         `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(raw.QPDF[0], &head); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw.QPDF[1], &objs); err != nil {
		return nil, err
	}
	d := &doc{PDFVersion: head.PDFVersion, Objects: map[string]object{}}
	for k, v := range objs {
		if k == "trailer" {
			d.Trailer, _ = v.Value.(map[string]any)
			continue
		}
		ref := strings.TrimPrefix(k, "obj:")
		o := object{Value: v.Value}
		if v.Stream != nil {
			o.Stream, o.Dict = true, v.Stream.Dict
			o.Data, _ = base64.StdEncoding.DecodeString(v.Stream.Data)
		}
		d.Objects[ref] = o
	}
	for _, p := range raw.Pages {
		d.Pages = append(d.Pages, p.Object)
	}
	return d, nil
}

// resolve follows an indirect reference.
func (d *doc) resolve(v any) any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
		o := d.Objects[s]
		if o.Stream {
			return o.Dict
		}
		return o.Value
	}
	return v
}

func (d *doc) dict(v any) map[string]any {
	m, _ := d.resolve(v).(map[string]any)
	return m
}

// text decodes a qpdf JSON string ("u:…" for text strings, "b:…" for binary hex).
func text(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

func (c *checker) header() {
	if c.d.PDFVersion != "1.6" {
		c.fail("PDF version %s, PDF/X-4 files are PDF 1.6", c.d.PDFVersion)
	}
	if id, ok := c.d.Trailer["/ID"].([]any); !ok || len(id) != 2 {
		c.fail("the trailer has no /ID")
	}
	if c.d.Trailer["/Encrypt"] != nil {
		c.fail("the file is encrypted")
	}
}

func (c *checker) catalog() map[string]any { return c.d.dict(c.d.Trailer["/Root"]) }

// info checks Info and XMP agree on the claim, the trapping state, the title and the dates.
func (c *checker) info() {
	info := c.d.dict(c.d.Trailer["/Info"])
	if info["/Trapped"] != "/False" {
		c.fail("Info /Trapped is %v, not /False", info["/Trapped"])
	}
	if c.want.Title != "" && text(info["/Title"]) != c.want.Title {
		c.fail("Info /Title %q, want %q", text(info["/Title"]), c.want.Title)
	}
	ref, _ := c.catalog()["/Metadata"].(string)
	xmp := string(c.d.Objects[ref].Data)
	for _, need := range []string{
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
		"<pdf:Trapped>False</pdf:Trapped>",
		"<xmpMM:DocumentID>", "<xmpMM:VersionID>", "<xmpMM:RenditionClass>",
		">" + xmlEscape(text(info["/Title"])) + "</rdf:li>",
		"<xmp:CreateDate>" + xmpDate(text(info["/CreationDate"])) + "</xmp:CreateDate>",
		"<xmp:ModifyDate>" + xmpDate(text(info["/ModDate"])) + "</xmp:ModifyDate>",
	} {
		if !strings.Contains(xmp, need) {
			c.fail("the XMP metadata lacks %s", need)
		}
	}
}

func xmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

// xmpDate turns D:20210722000000Z into 2021-07-22T00:00:00Z.
func xmpDate(pdf string) string {
	s := strings.TrimPrefix(pdf, "D:")
	if len(s) < 14 {
		return "(no date in Info)"
	}
	return s[0:4] + "-" + s[4:6] + "-" + s[6:8] + "T" + s[8:10] + ":" + s[10:12] + ":" + s[12:14] + "Z"
}

func (c *checker) outputIntent() {
	ois, _ := c.d.resolve(c.catalog()["/OutputIntents"]).([]any)
	n := 0
	for _, v := range ois {
		oi := c.d.dict(v)
		if oi["/S"] != "/GTS_PDFX" {
			continue
		}
		n++
		if text(oi["/OutputConditionIdentifier"]) == "" {
			c.fail("the output intent has no OutputConditionIdentifier")
		}
		ref, _ := oi["/DestOutputProfile"].(string)
		prof := c.d.Objects[ref]
		if fmt.Sprint(prof.Dict["/N"]) != "4" {
			c.fail("the output profile has /N %v, not 4", prof.Dict["/N"])
		}
		if _, err := icc.Parse(prof.Data); err != nil {
			c.fail("the embedded output profile: %v", err)
		}
	}
	if n != 1 {
		c.fail("%d GTS_PDFX output intents, want 1", n)
	}
}

// colour finds DeviceRGB and other RGB spaces anywhere in the file's objects, and checks the
// colour operators of every content stream. An RGB ICC profile is allowed only as the
// colour space of images (PDF/X-4 lets ICC-based images through, to be converted by the
// output intent's colour handling); nothing else may use one.
func (c *checker) colour() {
	images := c.imageProfiles()
	for ref, o := range c.d.Objects {
		if rgb := findRGB(o.Value); rgb != "" {
			c.fail("object %s uses %s", ref, rgb)
		}
		if rgb := findRGB(o.Dict); rgb != "" && !images[ref] { // an image profile's /Alternate
			c.fail("stream %s uses %s", ref, rgb)
		}
		if o.Stream && fmt.Sprint(o.Dict["/N"]) == "3" && !images[ref] {
			c.fail("stream %s is a 3-component (RGB) ICC profile", ref)
		}
	}
}

// imageProfiles returns the ICC profiles that image XObjects, and only they, use as their
// colour space, by reference.
func (c *checker) imageProfiles() map[string]bool {
	byImage, byOther := map[string]bool{}, map[string]bool{}
	for _, o := range c.d.Objects {
		d := o.Dict
		if !o.Stream {
			d, _ = o.Value.(map[string]any)
		}
		for k, v := range d {
			if k != "/ColorSpace" && k != "/CS" {
				continue
			}
			if named, ok := c.d.resolve(v).(map[string]any); ok { // a resource dictionary's spaces
				for _, s := range named {
					if ref := c.iccProfile(s); ref != "" {
						byOther[ref] = true
					}
				}
				continue
			}
			if ref := c.iccProfile(v); ref != "" && o.Stream && d["/Subtype"] == "/Image" {
				byImage[ref] = true
			} else if ref != "" {
				byOther[ref] = true
			}
		}
	}
	for ref := range byOther {
		delete(byImage, ref)
	}
	return byImage
}

// iccProfile returns the profile reference of an ICCBased colour space, "" for another.
func (c *checker) iccProfile(v any) string {
	cs, _ := c.d.resolve(v).([]any)
	if len(cs) != 2 || cs[0] != "/ICCBased" {
		return ""
	}
	ref, _ := cs[1].(string)
	return ref
}

func findRGB(v any) string {
	switch x := v.(type) {
	case string:
		if x == "/DeviceRGB" || x == "/CalRGB" || x == "/RGB" {
			return x
		}
	case []any:
		if len(x) == 2 && x[0] == "/ICCBased" {
			return "" // checked by the profile's /N in iccBased
		}
		for _, e := range x {
			if s := findRGB(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, e := range x {
			if s := findRGB(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func (c *checker) fonts() {
	for ref, o := range c.d.Objects {
		m, _ := o.Value.(map[string]any)
		if m["/Type"] != "/FontDescriptor" {
			continue
		}
		if m["/FontFile"] == nil && m["/FontFile2"] == nil && m["/FontFile3"] == nil {
			c.fail("font descriptor %s has no embedded font program", ref)
		}
	}
}

// box reads a rectangle.
func box(v any) ([4]float64, bool) {
	var r [4]float64
	a, ok := v.([]any)
	if !ok || len(a) != 4 {
		return r, false
	}
	for i, e := range a {
		f, ok := e.(float64)
		if !ok {
			return r, false
		}
		r[i] = f
	}
	return r, true
}

func inside(in, out [4]float64) bool {
	const eps = 0.01
	return in[0] >= out[0]-eps && in[1] >= out[1]-eps && in[2] <= out[2]+eps && in[3] <= out[3]+eps
}

func (c *checker) pages() {
	if c.want.Interior && len(c.d.Pages)%4 != 0 {
		c.fail("%d pages, not a multiple of 4", len(c.d.Pages))
	}
	for i, ref := range c.d.Pages {
		p := c.d.dict(ref)
		n := i + 1
		media, ok1 := box(p["/MediaBox"])
		bleed, ok2 := box(p["/BleedBox"])
		trim, ok3 := box(p["/TrimBox"])
		c.annots(n, p)
		if !ok1 || !ok2 || !ok3 {
			c.fail("page %d lacks a MediaBox, BleedBox or TrimBox", n)
			bleed = media // still check the colour
		} else {
			c.boxes(n, media, bleed, trim)
		}
		for _, s := range c.contents(p) {
			for _, prob := range checkContent(s, bleed, c.want.Interior) {
				c.fail("page %d: %s", n, prob)
			}
		}
	}
}

// boxes checks a page's TrimBox size, its BleedBox against the bleed, and the MediaBox.
func (c *checker) boxes(n int, media, bleed, trim [4]float64) {
	{
		w, h := trim[2]-trim[0], trim[3]-trim[1]
		if math.Abs(w-c.want.TrimW) > 0.01 || math.Abs(h-c.want.TrimH) > 0.01 {
			c.fail("page %d: TrimBox %.2f × %.2f pt, want %.2f × %.2f", n, w, h, c.want.TrimW, c.want.TrimH)
		}
		b := c.want.Bleed
		if want := [4]float64{trim[0] - b, trim[1] - b, trim[2] + b, trim[3] + b}; !inside(want, bleed) || !inside(bleed, want) {
			c.fail("page %d: BleedBox %v is not the TrimBox %v and %.2f pt of bleed", n, bleed, trim, b)
		}
		if !inside(bleed, media) {
			c.fail("page %d: the MediaBox %v does not hold the BleedBox %v", n, media, bleed)
		}
	}
}

func (c *checker) annots(n int, p map[string]any) {
	as, _ := c.d.resolve(p["/Annots"]).([]any)
	for _, a := range as {
		if st := c.d.dict(a)["/Subtype"]; st != "/PrinterMark" && st != "/TrapNet" {
			c.fail("page %d has a %v annotation; print files carry only PrinterMark and TrapNet", n, st)
		}
	}
}

// contents returns a page's decoded content streams.
func (c *checker) contents(p map[string]any) [][]byte {
	var refs []any
	switch v := p["/Contents"].(type) {
	case string:
		refs = []any{v}
	case []any:
		refs = v
	}
	var out [][]byte
	for _, r := range refs {
		s, _ := r.(string)
		out = append(out, c.d.Objects[s].Data)
	}
	return out
}

// checkContent walks a content stream's operators: no RGB operators; in an interior, CMYK
// only on the black plate; every stroke in the registration colour (a printer's mark) lies
// outside the bleed box.
func checkContent(data []byte, bleed [4]float64, interior bool) []string {
	var probs []string
	var nums []float64
	var names []string
	strokeAll := false
	var path [][2]float64
	for _, tok := range tokens(data) {
		if f, err := parseNum(tok); err == nil {
			nums = append(nums, f)
			continue
		}
		if strings.HasPrefix(tok, "/") {
			names = append(names, tok)
			continue
		}
		switch tok {
		case "rg", "RG":
			probs = append(probs, "an RGB colour operator ("+tok+")")
		case "k", "K":
			if interior && len(nums) >= 4 && (nums[len(nums)-4] != 0 || nums[len(nums)-3] != 0 || nums[len(nums)-2] != 0) {
				probs = append(probs, fmt.Sprintf("CMYK %v off the black plate", nums[len(nums)-4:]))
			}
			if tok == "K" {
				strokeAll = false
			}
		case "G":
			strokeAll = false
		case "CS", "cs":
			if len(names) == 0 || !(names[len(names)-1] == "/All" || names[len(names)-1] == "/DeviceGray" || names[len(names)-1] == "/DeviceCMYK") {
				probs = append(probs, fmt.Sprintf("colour space %v", names))
			}
			if tok == "CS" {
				strokeAll = len(names) > 0 && names[len(names)-1] == "/All"
			}
		case "m", "l":
			if len(nums) >= 2 {
				path = append(path, [2]float64{nums[len(nums)-2], nums[len(nums)-1]})
			}
		case "S":
			if strokeAll && !outside(path, bleed) {
				probs = append(probs, fmt.Sprintf("a registration-colour stroke %v inside the bleed box", path))
			}
			path = path[:0]
		case "Q":
			strokeAll = false
		}
		if !isNumOrName(tok) {
			nums, names = nums[:0], names[:0]
		}
	}
	return probs
}

// outside reports whether the bounding box of a path stays clear of the box's interior.
func outside(path [][2]float64, b [4]float64) bool {
	if len(path) == 0 {
		return true
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range path {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	const eps = 0.01
	return x1 <= b[0]+eps || x0 >= b[2]-eps || y1 <= b[1]+eps || y0 >= b[3]-eps
}

func isNumOrName(tok string) bool {
	_, err := parseNum(tok)
	return err == nil || strings.HasPrefix(tok, "/")
}

func parseNum(tok string) (float64, error) {
	var f float64
	if tok == "" || strings.ContainsAny(tok[:1], "/<[(") {
		return 0, fmt.Errorf("not a number")
	}
	_, err := fmt.Sscanf(tok, "%g", &f)
	if err != nil || strings.Trim(tok, "+-.0123456789") != "" {
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

// tokens splits a content stream into operands and operators, skipping strings and arrays'
// brackets (their contents are glyph codes and spacing, not colour).
func tokens(data []byte) []string {
	var out []string
	i := 0
	for i < len(data) {
		switch ch := data[i]; {
		case ch == '(':
			depth := 0
			for ; i < len(data); i++ {
				if data[i] == '\\' {
					i++
					continue
				}
				if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			i++
		case ch == '<' && i+1 < len(data) && data[i+1] != '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return out
			}
			i += j + 1
		case ch == '[' || ch == ']' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t':
			i++
		default:
			j := i
			for j < len(data) && !strings.ContainsRune(" \n\r\t[]()<>", rune(data[j])) {
				j++
			}
			if j == i {
				j++ // "<<" or ">>"
			}
			out = append(out, string(data[i:j]))
			i = j
		}
	}
	return out
}
