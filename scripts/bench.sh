#!/usr/bin/env bash
# make bench: the Go benchmarks, then whole builds of content/ timed with GNU time (wall, CPU,
# peak RSS), and pandoc's EPUB and PDF of the English introduction beside them when pandoc
# (and xelatex) are installed. The README's figures come from this output.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
RUNS=${RUNS:-5}
echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m), $(nproc) CPUs, $($GO version | cut -d' ' -f3)"
$GO test -run '^$' -bench . -benchmem ./...
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$GO build -o "$tmp/bindery" ./cmd/bindery
measure() { # name, command...: RUNS runs, each line wall s, CPU s, peak RSS MiB
	local name=$1
	shift
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || { echo "$name: failed"; return; }
		awk -v n="$name" '{printf "%-40s wall %5.2f s  CPU %5.2f s  peak RSS %4.0f MiB\n", n, $1, $2+$3, $4/1024}' "$tmp/t"
	done
}
measure "bindery build content/ (EPUB+PDF)" "$tmp/bindery" build --quiet --format pdf --format epub --out "$tmp/dist" content
measure "bindery build kazakhstan-en PDF" "$tmp/bindery" build --quiet --format pdf --report kazakhstan --lang en --out "$tmp/dist" content
intro=content/kazakhstan/en/02-introduction.md
if command -v pandoc >/dev/null && [ -f "$intro" ]; then
	measure "pandoc EPUB of $intro" pandoc "$intro" -o "$tmp/intro.epub"
	if command -v xelatex >/dev/null; then
		measure "pandoc+xelatex PDF of $intro" pandoc "$intro" --pdf-engine=xelatex -o "$tmp/intro.pdf"
	fi
else
	echo "pandoc not installed: no side-by-side figures (apt-get install pandoc texlive-xetex)"
fi
