#!/bin/sh
# race-packages.sh: prints the import paths of the packages whose code or tests run more than
# one goroutine (a go statement, sync or sync/atomic, a channel, WaitGroup.Go, t.Parallel).
# Only there can the race detector find a data race, so `make test` runs their unit tests
# (-short) under -race. A package with none of these runs its tests one after another on one
# goroutine at a time; its code is raced where a caller runs it concurrently (publish builds
# editions in parallel under -race, through layout, pdf, epub and cover).
set -eu
cd "$(dirname "$0")/.."
${GO:-go} list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do
	if grep -qE '(^|[^A-Za-z0-9_])go (func|[A-Za-z_][A-Za-z0-9_.]*\()|"sync(/atomic)?"|(^|[^A-Za-z0-9_])chan([^A-Za-z0-9_]|$)|\.Go\(|t\.Parallel\(\)' "$dir"/*.go; then
		echo "$pkg"
	fi
done
