package pdfcheck

// This file checks the structure of figures and tables (ISO 32000-1, 14.8.4.3 and 14.8.4.5;
// PDF/UA-1, 7.3 and 7.5): a Figure has a text alternative; a Table holds rows, directly or
// in THead, TBody and TFoot, and at most one Caption; a row holds only header and data
// cells, and every header cell says what it heads (/Scope); header and data cells stand
// only in rows, rows only in tables.

// tableParts are the structure types a Table may hold.
var tableParts = map[string]bool{"TR": true, "THead": true, "TBody": true, "TFoot": true, "Caption": true}

// checkElem checks one structure element of standard type std against the rules above.
func (r *Report) checkElem(f *File, e Dict, std string, roles Dict) {
	kids := kidTypes(f, e, roles)
	switch std {
	case "Figure":
		if Text(e["Alt"]) == "" && Text(e["ActualText"]) == "" {
			r.add("a Figure has neither /Alt nor /ActualText")
		}
	case "Table":
		captions := 0
		for _, k := range kids {
			if !tableParts[k] {
				r.add("a Table holds a %s", k)
			}
			if k == "Caption" {
				captions++
			}
		}
		if captions > 1 {
			r.add("a Table has %d captions", captions)
		}
	case "THead", "TBody", "TFoot":
		for _, k := range kids {
			if k != "TR" {
				r.add("a %s holds a %s, not rows", std, k)
			}
		}
	case "TR":
		for _, k := range kids {
			if k != "TH" && k != "TD" {
				r.add("a table row holds a %s", k)
			}
		}
	case "TH":
		switch scopeOf(f, e) {
		case "Row", "Column", "Both":
		default:
			r.add("a table header cell (TH) has no /Scope")
		}
	}
	for _, k := range kids {
		switch {
		case (k == "TH" || k == "TD") && std != "TR":
			r.add("a %s stands in a %s, not in a table row", k, std)
		case k == "TR" && std != "Table" && std != "THead" && std != "TBody" && std != "TFoot":
			r.add("a table row stands in a %s, not in a table", std)
		}
	}
}

// kidTypes returns the standard types of an element's child elements.
func kidTypes(f *File, e Dict, roles Dict) []string {
	kids := e["K"]
	if _, ok := kids.([]any); !ok {
		kids = []any{kids}
	}
	var out []string
	for _, k := range kids.([]any) {
		ref, ok := k.(Ref)
		if !ok {
			continue
		}
		d := f.Dict(ref)
		if d == nil || (d["Type"] != nil && d["Type"] != Name("StructElem")) {
			continue
		}
		s, _ := d["S"].(Name)
		if m, ok := roles[s].(Name); ok {
			s = m
		}
		out = append(out, string(s))
	}
	return out
}

// scopeOf returns the /Scope of a table attribute object of an element's /A (a dictionary
// or an array of them).
func scopeOf(f *File, e Dict) string {
	attrs := f.Get(e["A"])
	list, ok := attrs.([]any)
	if !ok {
		list = []any{attrs}
	}
	for _, a := range list {
		d := f.Dict(a)
		if d["O"] == Name("Table") {
			if s, ok := d["Scope"].(Name); ok {
				return string(s)
			}
		}
	}
	return ""
}
