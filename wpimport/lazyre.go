package wpimport

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call and
// returns that same *regexp.Regexp on every call after it. The importer's
// expressions are package variables made this way so that only a process that
// imports compiles them: every bindery command links this package, and
// compiling them all at start-up cost each `build` and `check` a few
// milliseconds of CPU.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
