#!/usr/bin/env bash
# make bench: the Go benchmarks, then whole builds timed with GNU time (wall, CPU, peak RSS):
# content/ in EPUB+PDF (also with GOGC=100, which leaves Go's collector as it is: bindery
# build sets it otherwise), the kazakhstan-en PDF, and corpora 2, 5 and 10 times larger made by
# scripts/gencorpus, beside pandoc's EPUB and pandoc+xelatex's PDF of the English
# introduction when they are installed. The machine may be noisy, so the builds run in
# rounds, interleaved (each round times every command once), and the summary gives each
# command's median. The README's figures come from this output.
#
#   RUNS=5 BENCHTIME=3x make bench    # rounds of whole builds; -benchtime of the Go benchmarks
#   SCALES="1 2 5 10"                 # corpus sizes of the curve
#   GOBENCH=0                         # skip the Go benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
RUNS=${RUNS:-3}
BENCHTIME=${BENCHTIME:-3x}
SCALES=${SCALES:-1 2 5 10}
echo "== $(date -u +%Y-%m-%dT%H:%MZ) $(uname -m), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load $(cut -d' ' -f1-3 /proc/loadavg), $($GO version | cut -d' ' -f3), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "${GOBENCH:-1}" != 0 ]; then
	$GO test -run '^$' -bench . -benchmem -benchtime "$BENCHTIME" ./...
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$GO build -o "$tmp/bindery" ./cmd/bindery
for n in $SCALES; do
	[ "$n" = 1 ] || $GO run ./scripts/gencorpus -n "$n" -out "$tmp/content$n" content >/dev/null
done
corpus() { if [ "$1" = 1 ]; then echo content; else echo "$tmp/content$1"; fi; }

# The commands, by name; each round runs them all in this order.
names=()
cmds=()
add() { names+=("$1"); cmds+=("$2"); }
intro=content/kazakhstan/en/02-introduction.md
havepandoc=$(command -v pandoc >/dev/null && echo 1 || echo 0)
havexelatex=$(command -v xelatex >/dev/null && echo 1 || echo 0)
for n in $SCALES; do
	add "bindery ${n}x corpus EPUB+PDF" "$tmp/bindery build --quiet --format epub --format pdf --out $tmp/dist$n $(corpus "$n")"
	if [ "$n" = 1 ]; then
		[ "$havepandoc" = 1 ] && add "pandoc EPUB of the introduction" "pandoc $intro -o $tmp/intro.epub"
		add "bindery 1x corpus, GOGC=100 (untuned)" "env GOGC=100 $tmp/bindery build --quiet --format epub --format pdf --out $tmp/distgc content"
		add "bindery kazakhstan-en PDF" "$tmp/bindery build --quiet --format pdf --report kazakhstan --lang en --out $tmp/distkz content"
		[ "$havepandoc$havexelatex" = 11 ] && add "pandoc+xelatex PDF of the introduction" "pandoc $intro --pdf-engine=xelatex -V mainfont=PT\\ Serif -o $tmp/intro.pdf"
	fi
done
[ "$havepandoc" = 1 ] || echo "pandoc not installed: no side-by-side figures (apt-get install pandoc texlive-xetex fonts-paratype)"

echo "== whole builds: $RUNS interleaved rounds (wall s, CPU = user+sys s, peak RSS MiB)"
for r in $(seq "$RUNS"); do
	for i in "${!cmds[@]}"; do
		if ! eval /usr/bin/time -f "'%e %U %S %M'" -o "$tmp/t" "${cmds[$i]}" >/dev/null 2>"$tmp/err"; then
			echo "${names[$i]}: failed"; tail -3 "$tmp/err"; continue
		fi
		awk -v r="$r" -v n="${names[$i]}" '{printf "round %d  %-40s wall %6.2f s  CPU %6.2f s  peak RSS %4.0f MiB\n", r, n, $1, $2+$3, $4/1024}' "$tmp/t" | tee -a "$tmp/all"
	done
done

echo "== medians of $RUNS rounds"
median() { sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }
for n in "${names[@]}"; do
	grep -F "  $n " "$tmp/all" >"$tmp/rows" || continue
	printf "%-40s wall %6.2f s  CPU %6.2f s  peak RSS %4.0f MiB\n" "$n" \
		"$(awk '{print $(NF-8)}' "$tmp/rows" | median)" "$(awk '{print $(NF-5)}' "$tmp/rows" | median)" \
		"$(awk '{print $(NF-1)}' "$tmp/rows" | median)"
done | tee "$tmp/med"
# The issue-16 targets, each with its value from the medians above and whether it is met.
med() { grep -F "$1 " "$tmp/med" | awk '{print $(NF-8)}' || true; }
rss() { grep -F "$1 " "$tmp/med" | awk '{print $(NF-1)}' || true; }
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; fi; }
one=$(med "bindery 1x corpus EPUB+PDF")
for n in $SCALES; do
	awk -v n="$n" -v r="$(ratio "$(med "bindery ${n}x corpus EPUB+PDF")" "$one")" -v m="$(rss "bindery ${n}x corpus EPUB+PDF")" \
		'BEGIN {printf "%sx corpus: %s times the 1x wall time, peak RSS %d MiB\n", n, r, m}'
done
# target NAME VALUE GOAL CONDITION: one line with the value and met or NOT MET; the
# condition is an awk expression of v, the value.
target() {
	if [ -z "$2" ]; then
		printf "%-56s %9s %8s  not measured\n" "$1" "-" "$3"
	else
		awk -v name="$1" -v v="$2" -v goal="$3" "BEGIN {printf \"%-56s %9s %8s  %s\\n\", name, v, goal, ($4) ? \"met\" : \"NOT MET\"}"
	fi
}
echo "== issue-16 targets, from the medians above"
printf "%-56s %9s %8s  %s\n" target measured goal result
target "whole corpus EPUB+PDF wall / pandoc EPUB of one chapter" "$(ratio "$one" "$(med "pandoc EPUB of the introduction")")" "<= 1" "v <= 1"
target "pandoc+xelatex PDF of one chapter / kazakhstan-en PDF" "$(ratio "$(med "pandoc+xelatex PDF of the introduction")" "$(med "bindery kazakhstan-en PDF")")" ">= 20" "v >= 20"
target "peak RSS of the 1x corpus build, MiB" "$(rss "bindery 1x corpus EPUB+PDF")" "< 100" "v < 100"
target "peak RSS of the 10x corpus build, MiB" "$(rss "bindery 10x corpus EPUB+PDF")" "< 150" "v < 150"
target "10x corpus wall / 1x corpus wall" "$(ratio "$(med "bindery 10x corpus EPUB+PDF")" "$one")" "<= 10" "v <= 10"
