package typo

import (
	"strings"
	"unicode"
)

// Kinds of source quotation marks on the Fixer's stack.
const (
	kindDouble = '"'
	kindLow    = '„' // opened by „, so a “ closes it
	kindSingle = '\''
)

// openMark pushes a quotation of the given source kind and returns the mark for its level.
func (f *Fixer) openMark(kind rune) rune {
	lvl := len(f.stack)
	f.stack = append(f.stack, kind)
	f.lastOpened = true
	return f.st.open[lvl%2]
}

// closeMark pops the innermost quotation and returns its closing mark. With nothing open it
// returns the outer closing mark and changes nothing.
func (f *Fixer) closeMark() rune {
	f.lastOpened = false
	lvl := len(f.stack) - 1
	if lvl < 0 {
		return f.st.close[0]
	}
	f.stack = f.stack[:lvl]
	return f.st.close[lvl%2]
}

func (f *Fixer) top() rune {
	if len(f.stack) == 0 {
		return 0
	}
	return f.stack[len(f.stack)-1]
}

// openingContext reports whether a quotation mark here would open a quotation: at the start
// of the paragraph or after a space, an opening bracket, a dash, a slash or an opening mark.
func (f *Fixer) openingContext() bool {
	p := f.prev()
	switch {
	case p == 0 || unicode.IsSpace(p) || strings.ContainsRune("([{/-–—«„", p):
		return true
	case strings.ContainsRune("“‘", p): // opening in some languages, closing in others
		return f.lastOpened
	}
	return false
}

func next(rs []rune, i int) rune {
	if i+1 < len(rs) {
		return rs[i+1]
	}
	return 0
}

// doubleQuote converts a double quotation mark of any style.
func (f *Fixer) doubleQuote(rs []rune, i int) rune {
	switch r := rs[i]; {
	case r == '«':
		return f.openMark(kindDouble)
	case r == '„':
		return f.openMark(kindLow)
	case r == '»' || r == '”':
		return f.closeMark()
	case r == '“' && f.top() != kindLow:
		return f.openMark(kindDouble)
	case r == '“':
		return f.closeMark()
	}
	return f.straightQuote(next(rs, i), kindDouble)
}

// straightQuote decides the direction of a straight quotation mark from its context.
func (f *Fixer) straightQuote(nx rune, kind rune) rune {
	free := nx == 0 || unicode.IsSpace(nx)
	if f.openingContext() {
		if free && len(f.stack) > 0 {
			return f.closeMark()
		}
		return f.openMark(kind)
	}
	if len(f.stack) == 0 && (isLetter(nx) || unicode.IsDigit(nx)) {
		return f.openMark(kind)
	}
	return f.closeMark()
}

// singleQuote converts ', ‘ and ’: quotation marks in English, apostrophes everywhere.
func (f *Fixer) singleQuote(rs []rune, i int) rune {
	r, p, nx := rs[i], f.prev(), next(rs, i)
	if r != '‘' && isLetter(p) && isLetter(nx) {
		return '’' // apostrophe: don’t, Xi’an
	}
	if !f.st.singles {
		return r
	}
	switch {
	case r == '‘':
		return f.openMark(kindSingle)
	case r == '\'' && f.openingContext() && nx != 0 && !unicode.IsSpace(nx):
		return f.openMark(kindSingle)
	case f.top() == kindSingle:
		return f.closeMark()
	}
	return '’'
}
