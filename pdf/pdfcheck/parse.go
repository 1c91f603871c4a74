package pdfcheck

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// Ref is an indirect reference.
type Ref int

// Name is a PDF name, without the slash.
type Name string

// Dict is a PDF dictionary.
type Dict map[Name]any

// Object is a parsed indirect object: its value and, for a stream, its decoded data.
type Object struct {
	Value  any
	Stream []byte
}

// File is a parsed PDF: its objects by number and its trailer.
type File struct {
	Objects map[Ref]*Object
	Trailer Dict
	Raw     []byte
}

var refRe = regexp.MustCompile(`^\s+0\s+R`)

var objRe = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)

// Parse reads every object of a file bindery writes: with a cross-reference table, or with
// object streams and a cross-reference stream.
func Parse(b []byte) (*File, error) {
	f := &File{Objects: map[Ref]*Object{}, Raw: b}
	for _, m := range objRe.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		p := &parser{b: b, i: m[1]}
		v, err := p.value()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		o := &Object{Value: v}
		p.space()
		if bytes.HasPrefix(p.rest(), []byte("stream")) {
			d, _ := v.(Dict)
			length, _ := d["Length"].(float64)
			start := p.i + len("stream\n")
			end := start + int(length)
			if length < 0 || start > len(b) || end > len(b) || end < start {
				return nil, fmt.Errorf("object %d: stream runs past the end", n)
			}
			o.Stream = b[start:end]
			if d["Filter"] == Name("FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(o.Stream))
				if err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
				if o.Stream, err = io.ReadAll(r); err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
			}
		}
		f.Objects[Ref(n)] = o
	}
	if err := f.unpack(); err != nil {
		return nil, err
	}
	i := bytes.LastIndex(b, []byte("trailer\n"))
	if i < 0 {
		return f, f.xrefTrailer()
	}
	p := &parser{b: b, i: i + len("trailer\n")}
	v, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", err)
	}
	f.Trailer, _ = v.(Dict)
	return f, nil
}

// unpack reads the objects packed in object streams (ISO 32000-1, 7.5.7): N pairs of object
// number and offset, the objects from /First on.
func (f *File) unpack() error {
	for n, o := range f.Objects {
		d, _ := o.Value.(Dict)
		if d["Type"] != Name("ObjStm") {
			continue
		}
		count, _ := d["N"].(float64)
		first, _ := d["First"].(float64)
		if first < 0 || int(first) > len(o.Stream) || count < 0 || count > float64(len(o.Stream)) {
			return fmt.Errorf("object stream %d: bad /N or /First", n)
		}
		p := &parser{b: o.Stream[:int(first)]}
		for k := 0; k < int(count); k++ {
			num, err1 := p.value()
			off, err2 := p.value()
			nf, ok1 := num.(float64)
			of, ok2 := off.(float64)
			if err1 != nil || err2 != nil || !ok1 || !ok2 || of < 0 || int(first)+int(of) > len(o.Stream) {
				return fmt.Errorf("object stream %d: bad entry %d", n, k)
			}
			q := &parser{b: o.Stream, i: int(first) + int(of)}
			v, err := q.value()
			if err != nil {
				return fmt.Errorf("object %d in object stream %d: %w", int(nf), n, err)
			}
			f.Objects[Ref(nf)] = &Object{Value: v}
		}
	}
	return nil
}

// xrefTrailer takes the trailer from the cross-reference stream startxref points at.
func (f *File) xrefTrailer() error {
	m := startxrefRe.FindSubmatch(f.Raw)
	if m == nil {
		return fmt.Errorf("no trailer and no startxref")
	}
	at, _ := strconv.Atoi(string(m[1]))
	rest := f.Raw[min(at, len(f.Raw)):]
	loc := objRe.FindSubmatchIndex(rest)
	if loc == nil || loc[0] != 0 {
		return fmt.Errorf("startxref %d points at no object", at)
	}
	n, _ := strconv.Atoi(string(rest[loc[2]:loc[3]]))
	var d Dict
	if o := f.Objects[Ref(n)]; o != nil {
		d, _ = o.Value.(Dict)
	}
	if d["Type"] != Name("XRef") {
		return fmt.Errorf("startxref %d points at no cross-reference stream", at)
	}
	f.Trailer = d
	return nil
}

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// Get resolves a reference (other values are returned as they are).
func (f *File) Get(v any) any {
	for range 32 {
		r, ok := v.(Ref)
		if !ok {
			return v
		}
		o := f.Objects[r]
		if o == nil {
			return nil
		}
		v = o.Value
	}
	return nil
}

// Dict resolves v to a dictionary (nil when it is none).
func (f *File) Dict(v any) Dict { d, _ := f.Get(v).(Dict); return d }

// Array resolves v to an array.
func (f *File) Array(v any) []any { a, _ := f.Get(v).([]any); return a }

// parser reads PDF values from b at i.
type parser struct {
	b []byte
	i int
}

// rest returns the bytes not read yet.
func (p *parser) rest() []byte { return p.b[min(p.i, len(p.b)):] }

func (p *parser) space() {
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '%':
			for p.i < len(p.b) && p.b[p.i] != '\n' {
				p.i++
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0 || c == '\f':
			p.i++
		default:
			return
		}
	}
}

func delim(c byte) bool {
	return bytes.IndexByte([]byte(" \n\r\t\f\x00()<>[]{}/%"), c) >= 0
}

// value parses one value; a number followed by "0 R" is a reference.
func (p *parser) value() (any, error) {
	p.space()
	if p.i >= len(p.b) {
		return nil, io.ErrUnexpectedEOF
	}
	switch c := p.b[p.i]; {
	case bytes.HasPrefix(p.rest(), []byte("<<")):
		return p.dict()
	case c == '[':
		p.i++
		var a []any
		for {
			p.space()
			if p.i >= len(p.b) {
				return nil, io.ErrUnexpectedEOF
			}
			if p.b[p.i] == ']' {
				p.i++
				return a, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '/':
		p.i++
		s := p.i
		for p.i < len(p.b) && !delim(p.b[p.i]) {
			p.i++
		}
		return Name(p.b[s:p.i]), nil
	case c == '(':
		return p.literal()
	case c == '<':
		p.i++
		s := p.i
		for p.i < len(p.b) && p.b[p.i] != '>' {
			p.i++
		}
		h := p.b[s:p.i]
		p.i++
		var out []byte
		for k := 0; k+1 < len(h); k += 2 {
			v, _ := strconv.ParseUint(string(h[k:k+2]), 16, 8)
			out = append(out, byte(v))
		}
		return string(out), nil
	default:
		s := p.i
		for p.i < len(p.b) && !delim(p.b[p.i]) {
			p.i++
		}
		tok := string(p.b[s:p.i])
		switch tok {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return nil, fmt.Errorf("bad token %q at %d", tok, s)
		}
		save := p.i
		if m := refRe.Find(p.rest()[:min(12, len(p.rest()))]); m != nil {
			if end := p.i + len(m); end == len(p.b) || delim(p.b[end]) {
				p.i = end
				return Ref(v), nil
			}
		}
		p.i = save
		return v, nil
	}
}

func (p *parser) dict() (any, error) {
	p.i += 2
	d := Dict{}
	for {
		p.space()
		if p.i >= len(p.b) {
			return nil, io.ErrUnexpectedEOF
		}
		if bytes.HasPrefix(p.rest(), []byte(">>")) {
			p.i += 2
			return d, nil
		}
		k, err := p.value()
		if err != nil {
			return nil, err
		}
		name, ok := k.(Name)
		if !ok {
			return nil, fmt.Errorf("dictionary key %v is not a name", k)
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		d[name] = v
	}
}

func (p *parser) literal() (any, error) {
	p.i++
	var out []byte
	depth := 0
	for p.i < len(p.b) {
		c := p.b[p.i]
		p.i++
		switch c {
		case '\\':
			if p.i < len(p.b) {
				e := p.b[p.i]
				p.i++
				switch {
				case e >= '0' && e <= '7':
					v := int(e - '0')
					for k := 0; k < 2 && p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '7'; k++ {
						v = v*8 + int(p.b[p.i]-'0')
						p.i++
					}
					out = append(out, byte(v))
				case e == 'n':
					out = append(out, '\n')
				case e == 'r':
					out = append(out, '\r')
				case e == 't':
					out = append(out, '\t')
				case e == 'b':
					out = append(out, '\b')
				case e == 'f':
					out = append(out, '\f')
				case e == '\r': // a line continuation
					if p.i < len(p.b) && p.b[p.i] == '\n' {
						p.i++
					}
				case e == '\n':
				default:
					out = append(out, e)
				}
			}
		case '\r': // an end of line in a string is a line feed
			if p.i < len(p.b) && p.b[p.i] == '\n' {
				p.i++
			}
			out = append(out, '\n')
		case '(':
			depth++
			out = append(out, c)
		case ')':
			if depth == 0 {
				return string(out), nil
			}
			depth--
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return nil, io.ErrUnexpectedEOF
}

// Text decodes a PDF text string (UTF-16BE with a byte order mark, else PDFDocEncoding
// taken as Latin-1).
func Text(v any) string {
	s, _ := v.(string)
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		u := make([]uint16, 0, len(s)/2)
		for k := 2; k+1 < len(s); k += 2 {
			u = append(u, uint16(s[k])<<8|uint16(s[k+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(s))
	for k := range len(s) {
		r[k] = rune(s[k])
	}
	return string(r)
}
