#!/bin/sh
# The board report as its readers get it: generated for Derbyshire (with a
# scripted history, reviewed against its baseline) and for the Annex 2
# illustration (no repository), then rendered in headless Chromium to a
# screenshot and printed to PDF on A4 and on A3. Checks that a picture came
# out, that each page size gives a sensible number of pages (each section
# starts a page), and that the PDF's text holds what a board member reads
# first. The pictures and PDFs stay in build/tests/report/ to be looked at.
#
#   sh tests/report/render.sh LDR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
ldr=${1:-$top/ldr}
browser=$(command -v chromium || command -v chromium-browser) || {
	echo "report: chromium is not installed (apt-get install chromium)"
	exit 1
}
out=build/tests/report
rm -rf "$out" && mkdir -p "$out"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC
for v in $(env | sed -n 's/^\(GIT_[A-Za-z_]*\)=.*/\1/p'); do unset "$v"; done
export GIT_CEILING_DIRECTORIES="$top" HOME="$dir"
failed=0

fail() {
	echo "report: $*"
	failed=1
}

chrome() { # chrome OUTFLAG PAGE
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-dev-shm-usage --user-data-dir="$dir/profile" --hide-scrollbars "$@" >"$dir/log" 2>&1
}

# The reports.
(
	T=$dir/t
	mkdir -p "$T"
	. tests/cli/repo.sh && . tests/cli/data/history.sh
	"$ldr" report -o "$top/$out/derbyshire.html" --as-of 2017-04 --year 16/17 --baseline submitted "$R/derbyshire"
	rm -rf "$R"
) >"$dir/make.log" 2>&1 || { cat "$dir/make.log"; fail "derbyshire: cannot make the report"; }
"$ldr" report -o "$out/illustration.html" roadmaps/annex2-illustration.yaml ||
	fail "illustration: cannot make the report"
# Hostile text in every place the report shows roadmap text, the page's
# running footer (a CSS string) included.
"$ldr" report -o "$out/hostile.html" tests/export/data/hostile.yaml 2>/dev/null ||
	fail "hostile: cannot make the report"

# render NAME PAGES_A4_MIN PAGES_A4_MAX WORDS...
render() {
	name=$1 min=$2 max=$3
	shift 3
	html=$out/$name.html
	[ -s "$html" ] || return
	chrome --window-size=1400,2000 --screenshot="$dir/shot.png" "file://$top/$html"
	size=$(wc -c <"$dir/shot.png" 2>/dev/null || echo 0)
	if [ "$size" -gt 40000 ]; then cp "$dir/shot.png" "$out/$name.png"; else fail "$name: no picture ($size bytes)"; fi
	for page in "A4" "A3 landscape"; do
		tag=$(echo "$page" | cut -d' ' -f1 | tr A a)
		sed "s|</style>|@page { size: $page }\n</style>|" "$html" >"$dir/$name.html"
		rm -f "$dir/out.pdf"
		chrome --no-pdf-header-footer --print-to-pdf="$dir/out.pdf" "file://$dir/$name.html"
		[ -s "$dir/out.pdf" ] || { fail "$name: no PDF on $page"; cat "$dir/log"; continue; }
		cp "$dir/out.pdf" "$out/$name-$tag.pdf"
		pages=$(pdfinfo "$dir/out.pdf" | sed -n 's/^Pages: *//p')
		psize=$(pdfinfo "$dir/out.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
		echo "report: $name on $page: $pages pages of $psize pt"
		if [ "$tag" = a4 ] && { [ "$pages" -lt "$min" ] || [ "$pages" -gt "$max" ]; }; then
			fail "$name: $pages pages on A4, expected $min to $max"
		fi
		pdftotext "$dir/out.pdf" - | tr -s ' \n' '  ' >"$dir/out.txt"
		for w in "$@"; do
			grep -qF -- "$w" "$dir/out.txt" || fail "$name on $page: the PDF's text has no '$w'"
		done
	done
}

render derbyshire 8 30 "Derbyshire Local Digital Roadmap: board report" "Summary" "Overdue as at 2017-04" \
	"Slipped or dropped since the baseline" "slipped 2 quarters" "Charts" "Review of 16/17 against the baseline" \
	"Records, assessments and plans" "Delivered without a date" "Checks:" "page 1 of" \
	"Derbyshire LDR board report, as at 2017-04"
render illustration 2 8 "Local Digital Roadmap: board report" "no baseline to review against" "Charts" "Checks:"
render hostile 2 12 "<script>" "page 1 of"
[ "$failed" -eq 0 ] && echo "report: ok (pictures and PDFs in $out/)"
exit "$failed"
