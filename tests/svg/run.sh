#!/bin/sh
# SVG golden tests. For each case of tests/svg/cases (NAME, a tab, a shell
# command that writes a chart to $OUT), run the command and check that:
#   - the chart equals tests/svg/NAME.svg byte for byte (the charts are
#     deterministic: no times, fixed number formats);
#   - it is well-formed XML (xmllint --noout);
#   - it renders (rsvg-convert, to build/tests/svg/NAME.png);
#   - it is an accessible image: <svg role="img" aria-labelledby="title desc">
#     whose first child is <title>;
#   - it is inert: no script, style, link or embedding element, no event
#     handler or link attribute, no reference outside the file, and no
#     bidirectional override character;
#   - it shows what a reader must see (tests/svg/check.py: what is overdue,
#     what moved since the baseline, milestones labelled, the tube map to
#     scale, names whole, nothing cut or covered, 7 pt or more).
#
#   sh tests/svg/run.sh [NAME...]      run all cases, or some
#   UPDATE=1 sh tests/svg/run.sh NAME  write NAME.svg from this run (look at
#                                      build/tests/svg/NAME.png first!)
# Headless Chromium is tests/svg/chromium.sh (make check-svg runs it on a few).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export LC_ALL=C.UTF-8 TZ=UTC PATH="$top:$PATH"
for v in $(env | sed -n 's/^\(GIT_[A-Za-z_]*\)=.*/\1/p'); do unset "$v"; done
# The project's roadmaps are in the project's own repository, at a commit
# that changes with every commit of ldr: here, no repository is looked for
# above the project, and the exports name none (tests/cli/export.t makes
# throw-away repositories for that).
export GIT_CEILING_DIRECTORIES="$top"

out=build/tests/svg
T=$out/scratch
rm -rf "$out" && mkdir -p "$T"
export T

fail() {
	echo "svg: $name: FAILED: $*"
	bad=1
}

count() {
	xmllint --xpath "count($1)" "$2"
}

check() {
	svg=$1
	xmllint --noout "$svg" || { fail "not well-formed XML"; return; }
	rsvg-convert -o "$out/$name.png" "$svg" && [ -s "$out/$name.png" ] ||
		{ fail "rsvg-convert cannot render it"; return; }
	first=$(xmllint --xpath "name(/*[local-name()='svg']/*[1])" "$svg")
	[ "$first" = title ] || fail "the first child of <svg> is <$first>, not <title>"
	grep -q '<svg [^>]*role="img" aria-labelledby="title desc"' "$svg" ||
		fail "<svg> lacks role=\"img\" aria-labelledby=\"title desc\""
	n=$(count "//*[local-name()='script' or local-name()='style' or local-name()='foreignObject' or local-name()='a' or local-name()='image' or local-name()='use' or local-name()='iframe']" "$svg")
	[ "$n" = 0 ] || fail "not inert: $n script, style, link or embedding elements"
	n=$(count "//@*[starts-with(local-name(),'on') or local-name()='href' or contains(.,'javascript:') or (contains(.,'url(') and not(starts-with(.,'url(#pat-')))]" "$svg")
	[ "$n" = 0 ] || fail "not inert: $n event handler, link or external reference attributes"
	if LC_ALL=C grep -q "$(printf '\342\200[\252-\256]\\|\342\201[\246-\251]')" "$svg"; then
		fail "a bidirectional override reached the SVG"
	fi
}

cases=$(grep -v '^#' tests/svg/cases | grep -v '^$')
if [ $# -gt 0 ]; then
	cases=$(for n in "$@"; do printf '%s\n' "$cases" | grep "^$n	"; done)
fi
printf '%s\n' "$cases" | {
	passed=0 failed=0
	while IFS='	' read -r name command; do
		[ -n "$name" ] || continue
		bad=0
		OUT=$out/$name.svg
		export OUT
		if ! sh -c "$command" </dev/null >"$out/$name.log" 2>&1; then
			fail "the command failed: $(cat "$out/$name.log")"
			failed=$((failed + 1))
			continue
		fi
		if [ "${UPDATE:-}" = 1 ]; then
			cp "$OUT" "tests/svg/$name.svg"
			echo "svg: $name: written"
		elif ! cmp -s "$OUT" "tests/svg/$name.svg"; then
			fail "differs from tests/svg/$name.svg (diff $OUT tests/svg/$name.svg; if intended, look at $out/$name.png, then UPDATE=1 sh tests/svg/run.sh $name)"
		fi
		check "$OUT"
		if [ $bad = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	done
	echo "svg: $passed passed, $failed failed"
	/usr/bin/python3 tests/svg/check.py "$out" "$@" || failed=$((failed + 1))
	[ "$failed" -eq 0 ]
}
