package pdfcheck

import (
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// standard are the structure types of ISO 32000-1, 14.8.4.
var standard = map[string]bool{}

func init() {
	for _, s := range []string{"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
		"Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
		"Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry",
		"Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"} {
		standard[s] = true
	}
}

// inline are the structure types whose text runs on in the text around them.
var inline = map[string]bool{"Span": true, "Link": true, "Quote": true, "Code": true, "Reference": true}

// langTag is the shape of a BCP 47 language tag (RFC 5646, 2.1), as /Lang must hold.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// mcr is a marked-content reference: page and MCID.
type mcr struct {
	page Ref
	mcid int
}

// checkStructure checks the content streams against the structure tree and parent tree.
func (r *Report) checkStructure(f *File, cat Dict) {
	root := f.Dict(cat["StructTreeRoot"])
	if mi := f.Dict(cat["MarkInfo"]); mi["Marked"] != true {
		r.add("tagged but MarkInfo /Marked is not true")
	}
	parents := map[int]any{}
	nums := f.Array(f.Dict(root["ParentTree"])["Nums"])
	for k := 0; k+1 < len(nums); k += 2 {
		n, _ := nums[k].(float64)
		parents[int(n)] = nums[k+1]
	}
	roles := f.Dict(root["RoleMap"])
	refs, ds := pages(f, cat)
	content := map[mcr]bool{}
	texts := make([]map[int]string, len(ds))
	index := map[Ref]int{}
	for i, pd := range ds {
		texts[i] = map[int]string{}
		index[refs[i]] = i
		mcids := r.checkContent(f, i, pd, texts[i])
		for _, m := range mcids {
			content[mcr{refs[i], m}] = true
		}
		r.MCIDs += len(mcids)
		r.checkPageParents(f, i, refs[i], pd, mcids, parents)
		r.checkAnnots(f, i, refs[i], pd, parents, roles)
	}
	seen := map[mcr]bool{}
	last := 0
	var walk func(v any, depth int, lang string)
	walk = func(v any, depth int, lang string) {
		e := f.Dict(v)
		if e == nil || depth > 100 {
			return
		}
		if l, ok := e["Lang"]; ok {
			lang = Text(l)
			if !langTag.MatchString(lang) {
				r.add("a structure element's /Lang %q is not a language tag", lang)
			}
		}
		text := func(s string) {
			r.text.WriteString(s)
			r.lang(lang).WriteString(s)
		}
		sn, _ := e["S"].(Name)
		s := string(sn)
		std := s
		if m, ok := roles[Name(s)].(Name); ok {
			std = string(m)
		}
		if !standard[std] {
			r.add("structure type %s is neither standard nor role-mapped", s)
		}
		r.checkElem(f, e, std, roles)
		if std == "Note" && Text(e["ID"]) == "" {
			r.add("a Note element has no /ID")
		}
		if len(std) == 2 && std[0] == 'H' && std[1] >= '1' && std[1] <= '6' {
			level := int(std[1] - '0')
			if level > last+1 {
				r.add("heading %s follows H%d: a level is skipped", std, last)
			}
			last = level
		}
		if !inline[std] {
			text("\n")
		} else if e["Lang"] != nil {
			r.lang(lang).WriteString("\n") // a part in its own language stands on its own line
		}
		pg, _ := e["Pg"].(Ref)
		kids := e["K"]
		if _, ok := kids.([]any); !ok {
			kids = []any{kids}
		}
		for _, k := range kids.([]any) {
			switch k := k.(type) {
			case float64:
				m := mcr{pg, int(k)}
				r.markRef(m, content, seen)
				text(texts[index[pg]][int(k)])
			case Ref:
				if d := f.Dict(k); d["Type"] == nil || d["Type"] == Name("StructElem") {
					walk(k, depth+1, lang)
				}
			case Dict:
				if k["Type"] == Name("MCR") {
					pg2, _ := k["Pg"].(Ref)
					n, _ := k["MCID"].(float64)
					r.markRef(mcr{pg2, int(n)}, content, seen)
					text(texts[index[pg2]][int(n)])
				}
			}
		}
	}
	walk(root["K"], 0, Text(cat["Lang"]))
	for m := range content {
		if !seen[m] {
			r.add("MCID %d of page object %d is in no structure element", m.mcid, m.page)
		}
	}
}

func (r *Report) markRef(m mcr, content, seen map[mcr]bool) {
	if !content[m] {
		r.add("a structure element refers to MCID %d of page object %d, which has no such content", m.mcid, m.page)
	}
	if seen[m] {
		r.add("MCID %d of page object %d is referred to twice", m.mcid, m.page)
	}
	seen[m] = true
}

// checkPageParents checks a page's StructParents entry against its MCIDs.
func (r *Report) checkPageParents(f *File, i int, ref Ref, pd Dict, mcids []int, parents map[int]any) {
	if len(mcids) == 0 {
		return
	}
	k, ok := pd["StructParents"].(float64)
	if !ok {
		r.add("page %d has marked content but no /StructParents", i+1)
		return
	}
	arr := f.Array(parents[int(k)])
	if len(arr) != slices.Max(mcids)+1 {
		r.add("page %d: the parent tree has %d entries for %d MCIDs", i+1, len(arr), slices.Max(mcids)+1)
		return
	}
	for _, m := range mcids {
		e := f.Dict(arr[m])
		if !hasKid(f, e, ref, m) {
			r.add("page %d: the parent of MCID %d does not list it", i+1, m)
		}
	}
}

// hasKid reports whether element e lists MCID m of page ref.
func hasKid(f *File, e Dict, ref Ref, m int) bool {
	pg, _ := e["Pg"].(Ref)
	kids, ok := e["K"].([]any)
	if !ok {
		kids = []any{e["K"]}
	}
	for _, k := range kids {
		switch k := k.(type) {
		case float64:
			if pg == ref && int(k) == m {
				return true
			}
		case Dict:
			if n, _ := k["MCID"].(float64); k["Pg"] == ref && int(n) == m {
				return true
			}
		}
	}
	return false
}

// checkAnnots checks that every link is tagged (OBJR in a Link element) and described.
func (r *Report) checkAnnots(f *File, i int, ref Ref, pd Dict, parents map[int]any, roles Dict) {
	annots := f.Array(pd["Annots"])
	if len(annots) > 0 && pd["Tabs"] != Name("S") {
		r.add("page %d has annotations but /Tabs is not /S", i+1)
	}
	for _, a := range annots {
		ad := f.Dict(a)
		if ad["Subtype"] != Name("Link") {
			continue
		}
		if Text(ad["Contents"]) == "" {
			r.add("page %d: a link has no /Contents", i+1)
		}
		k, ok := ad["StructParent"].(float64)
		if !ok {
			r.add("page %d: a link has no /StructParent", i+1)
			continue
		}
		e := f.Dict(parents[int(k)])
		if e["S"] != Name("Link") {
			r.add("page %d: a link's parent is %v, not a Link element", i+1, e["S"])
			continue
		}
		found := false
		kids, _ := e["K"].([]any)
		for _, kid := range kids {
			if d, ok := kid.(Dict); ok && d["Type"] == Name("OBJR") && d["Obj"] == a {
				found = true
			}
		}
		if !found {
			r.add("page %d: the Link element has no OBJR for its annotation", i+1)
		}
	}
}

// painting are the operators that put marks on the page.
var painting = map[string]bool{"TJ": true, "Tj": true, "'": true, "\"": true, "f": true, "F": true,
	"f*": true, "S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}

// checkContent reads a page's content: every painting operator must be inside marked
// content with an MCID or an artifact, no glyph may be .notdef (glyph 0); it returns the MCIDs.
func (r *Report) checkContent(f *File, i int, pd Dict, texts map[int]string) []int {
	c := f.Objects[refOf(pd["Contents"])]
	if c == nil {
		r.add("page %d has no content stream", i+1)
		return nil
	}
	fonts := f.Dict(f.Dict(pd["Resources"])["Font"])
	var cmap map[uint16]string
	cur := -1 // the MCID whose text is being collected
	actual := false
	type mark struct {
		mcid     int
		artifact bool
	}
	var stack []mark
	var mcids []int
	var operands []any
	p := &parser{b: c.Stream}
	for {
		p.space()
		if p.i >= len(p.b) {
			break
		}
		ch := p.b[p.i]
		if ch == '/' || ch == '(' || ch == '<' || ch == '[' || ch == '-' || ch == '.' || ch >= '0' && ch <= '9' {
			v, err := p.value()
			if err != nil {
				r.add("page %d: content stream: %v", i+1, err)
				return mcids
			}
			operands = append(operands, v)
			continue
		}
		s := p.i
		for p.i < len(p.b) && !delim(p.b[p.i]) {
			p.i++
		}
		op := string(p.b[s:p.i])
		switch {
		case op == "BDC" || op == "BMC":
			m := mark{mcid: -1}
			if len(operands) > 0 && operands[0] == Name("Artifact") {
				m.artifact = true
			}
			if op == "BDC" && len(operands) > 1 {
				if d, ok := operands[1].(Dict); ok {
					if n, ok := d["MCID"].(float64); ok {
						m.mcid = int(n)
						for _, o := range stack {
							if o.mcid >= 0 {
								r.add("page %d: MCID %d inside MCID %d", i+1, m.mcid, o.mcid)
							}
						}
						if slices.Contains(mcids, m.mcid) {
							r.add("page %d: MCID %d used twice", i+1, m.mcid)
						}
						mcids = append(mcids, m.mcid)
						cur, actual = m.mcid, false
						if at, ok := d["ActualText"]; ok {
							texts[m.mcid], actual = Text(at), true
						}
					}
				}
			}
			stack = append(stack, m)
		case op == "EMC":
			if len(stack) == 0 {
				r.add("page %d: EMC without BDC", i+1)
			} else {
				if stack[len(stack)-1].mcid >= 0 {
					cur = -1
				}
				stack = stack[:len(stack)-1]
			}
		case op == "Tf":
			if len(operands) > 0 {
				name, _ := operands[0].(Name)
				cmap = r.toUnicode(f, fonts[name])
			}
		case painting[op]:
			ok := false
			for _, m := range stack {
				ok = ok || m.mcid >= 0 || m.artifact
			}
			if !ok {
				r.add("page %d: %s outside tagged content and artifacts", i+1, op)
			}
			if op == "TJ" || op == "Tj" {
				r.checkGlyphs(i, operands)
				if cur >= 0 && !actual {
					texts[cur] += decode(operands, cmap)
				}
			}
		case op == "":
			p.i++ // a stray delimiter
		}
		operands = operands[:0]
	}
	if len(stack) != 0 {
		r.add("page %d: %d marked-content sequences left open", i+1, len(stack))
	}
	return mcids
}

// checkGlyphs reports glyph 0 (.notdef) in the strings of a text operator (2-byte codes).
func (r *Report) checkGlyphs(i int, operands []any) {
	var strs []string
	for _, o := range operands {
		switch o := o.(type) {
		case string:
			strs = append(strs, o)
		case []any:
			for _, e := range o {
				if s, ok := e.(string); ok {
					strs = append(strs, s)
				}
			}
		}
	}
	for _, s := range strs {
		for k := 0; k+1 < len(s); k += 2 {
			if s[k] == 0 && s[k+1] == 0 {
				r.add("page %d: the .notdef glyph is shown", i+1)
				return
			}
		}
	}
}

var bfcharRE = regexp.MustCompile(`<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]*)>`)

// toUnicode returns a font's ToUnicode CMap, read once per Check: every Tf operator of every
// page names a font, and the fonts' CMaps are shared by all pages.
func (r *Report) toUnicode(f *File, font any) map[uint16]string {
	o := f.Objects[refOf(f.Dict(font)["ToUnicode"])]
	if o == nil {
		return map[uint16]string{}
	}
	m, ok := r.cmaps[o]
	if !ok {
		if r.cmaps == nil {
			r.cmaps = map[*Object]map[uint16]string{}
		}
		m = readCMap(o.Stream)
		r.cmaps[o] = m
	}
	return m
}

// readCMap reads the bfchar entries of a ToUnicode CMap, as bindery writes them.
func readCMap(stream []byte) map[uint16]string {
	m := map[uint16]string{}
	for _, e := range bfcharRE.FindAllSubmatch(stream, -1) {
		g, _ := strconv.ParseUint(string(e[1]), 16, 16)
		var u []uint16
		for k := 0; k+4 <= len(e[2]); k += 4 {
			v, _ := strconv.ParseUint(string(e[2][k:k+4]), 16, 16)
			u = append(u, uint16(v))
		}
		m[uint16(g)] = string(utf16.Decode(u))
	}
	return m
}

// decode returns the text of a text operator's strings (2-byte codes) through a CMap.
func decode(operands []any, cmap map[uint16]string) string {
	var out []byte
	add := func(s string) {
		for k := 0; k+1 < len(s); k += 2 {
			out = append(out, cmap[uint16(s[k])<<8|uint16(s[k+1])]...)
		}
	}
	for _, o := range operands {
		switch o := o.(type) {
		case string:
			add(o)
		case []any:
			for _, e := range o {
				if s, ok := e.(string); ok {
					add(s)
				}
			}
		}
	}
	return string(out)
}
