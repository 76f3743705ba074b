#!/bin/sh
# Render SVG charts in headless Chromium, as a web page that shows them in an
# <img> would, at 2480 px wide (A3 landscape at 150 dpi), and check that a
# picture came out: a screenshot of a blank page is a few kilobytes, a chart
# hundreds.
#
#   sh tests/svg/chromium.sh FILE.svg...   screenshots in build/tests/svg/
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
browser=$(command -v chromium || command -v chromium-browser) || {
	echo "chromium: not installed (apt-get install chromium)"
	exit 1
}
mkdir -p build/tests/svg
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
passed=0 failed=0
for svg in "$@"; do
	name=$(basename "$svg" .svg)
	png=build/tests/svg/$name.chromium.png
	cp "$svg" "$dir/chart.svg"
	printf '<!doctype html><body style="margin:0"><img src="chart.svg" style="width:2480px"></body>\n' >"$dir/page.html"
	rm -f "$dir/shot.png"
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
		--user-data-dir="$dir/profile" --hide-scrollbars --window-size=2480,1754 \
		--screenshot="$dir/shot.png" "file://$dir/page.html" >"$dir/log" 2>&1
	size=$(wc -c <"$dir/shot.png" 2>/dev/null || echo 0)
	if [ "$size" -gt 40000 ]; then
		cp "$dir/shot.png" "$png"
		passed=$((passed + 1))
	else
		echo "chromium: $name: FAILED: no picture ($size bytes)"
		cat "$dir/log"
		failed=$((failed + 1))
	fi
done
echo "chromium: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
