#!/bin/sh
# race-packages.sh: what `make test` runs under the race detector. A data race needs two
# goroutines at once; within a test binary they come from the package's own code (a go
# statement, WaitGroup.Go), from its tests (the same, or t.Parallel: parallel tests run side
# by side), or from the standard library on a test's behalf (net/http, signal,
# time.AfterFunc; os/exec's goroutines only copy a command's output into a buffer that its
# caller reads after Wait). A test on one goroutine that is not parallel runs alone: the testing
# package starts the parallel tests only after every sequential one has returned.
#
#   race-packages.sh full      packages raced with every -short test: their code starts
#                              goroutines, or a test helper does (what it serves is unknown
#                              here), so any test may run concurrent code
#   race-packages.sh selected  packages whose code starts no goroutine but some of whose tests
#                              are parallel or start goroutines: only those tests can race
#   race-packages.sh run       the -run pattern of those tests for `selected` (one pattern for
#                              all of them: a name it matches in another selected package runs
#                              there too, which races more, never less)
#
# A package in neither list (its code and tests start no goroutine, and it only guards with
# sync against its callers) runs its tests one at a time on one goroutine; its code is raced
# where a caller runs it concurrently (publish builds editions in parallel under -race,
# through layout, pdf, epub and cover). Every test, raced or not, runs again in the full pass
# (test-full), without -short.
set -eu
mode=${1:-full}
cd "$(dirname "$0")/.."
gostmt='(^|[^A-Za-z0-9_])go (func|[A-Za-z_][A-Za-z0-9_.]*\()|\.Go\('
# The go statement and WaitGroup.Go, and the standard library calls that run goroutines.
starts="$gostmt|httptest\.|http\.(ListenAndServe|Serve|Get|Post)|AfterFunc|signal\.Notify"

# tests prints, for the test files given, "T name" for each Test function whose body is
# parallel or starts goroutines, and "H name" for any other function (a helper, TestMain)
# that starts them.
tests() {
	STARTS=$starts awk '
		/^func / {
			name = $2; sub(/\(.*/, "", name)
			if ($2 ~ /^\(/) name = "method"
			body = ""; infunc = 1
		}
		infunc { body = body "\n" $0 }
		infunc && /^}/ {
			infunc = 0
			conc = (body ~ /t\.Parallel\(\)/) || (body ~ ENVIRON["STARTS"])
			if (name ~ /^Test/ && name != "TestMain") { if (conc) print "T " name }
			else if (body ~ ENVIRON["STARTS"]) print "H " name
		}' "$@"
}

${GO:-go} list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
	set -- "$dir"/*_test.go
	[ -e "$1" ] || continue
	code=$(ls "$dir"/*.go | grep -v '_test\.go$' || true)
	if [ -n "$code" ] && grep -qE "$gostmt" $code; then
		kind=full
	else
		found=$(tests "$@")
		if echo "$found" | grep -q '^H '; then
			kind=full
		elif [ -n "$found" ]; then
			kind=selected
		else
			kind=none
		fi
	fi
	case $mode in
	full | selected) [ "$kind" = "$mode" ] && echo "$pkg" ;;
	run) [ "$kind" = selected ] && tests "$@" | sed -n 's/^T //p' ;;
	*) echo "usage: race-packages.sh full|selected|run" >&2; exit 2 ;;
	esac
done | if [ "$mode" = run ]; then sort -u | paste -sd '|' | sed 's/^/^(/; s/$/)$/'; else cat; fi
