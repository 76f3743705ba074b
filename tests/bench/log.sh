#!/bin/sh
# make bench: how fast the history reads over 1,000 commits of the Derbyshire
# roadmap (build/bench/history makes them, through git fast-import). Not a
# test: it prints timings, the best of three runs, and ratios to git's own
# 'git log -p' of the file. The repository is a throw-away one under /tmp,
# measured as fast-import leaves it (packed, deltas) and unpacked (loose
# objects, as ldr's own commits are until 'git gc').
set -eu
N=${N:-1000}
top=$(pwd)
ldr=$top/ldr
dir=$(mktemp -d /tmp/ldr-bench-XXXXXX)
trap 'rm -rf "$dir"' EXIT
export LC_ALL=C.UTF-8 HOME=$dir GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.org

ms() { # best of three, in milliseconds
	best=
	for i in 1 2 3; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		t=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	done
	echo "$best"
}

git init -q "$dir/packed"
"$top/build/bench/history" "$top/roadmaps/derbyshire.yaml" "$N" | git -C "$dir/packed" fast-import --quiet
git -C "$dir/packed" checkout -q -f master
git init -q "$dir/loose"
cat "$dir"/packed/.git/objects/pack/*.pack | git -C "$dir/loose" unpack-objects -q
git -C "$dir/loose" update-ref refs/heads/master "$(git -C "$dir/packed" rev-parse HEAD)"
git -C "$dir/loose" checkout -q -f master
git -C "$dir/packed" tag -a -m base base "HEAD~$((N - 1))"

echo "bench: $N commits of the Derbyshire roadmap ($(wc -c < "$dir/packed/roadmap.yaml") bytes); C12 changes in 1 commit of 10, P08 in 1 of 100 or so"
for kind in packed loose; do
	r=$dir/$kind
	gitp=$(ms git -C "$r" log -p -- roadmap.yaml)
	for what in "log --record C12" "log --record P08" "log --record P99" "log"; do
		t=$(ms "$ldr" $what "$r")
		printf 'bench: %-6s ldr %-18s %5d ms  (%s x git log -p, %d ms)\n' "$kind" "$what" "$t" \
			"$(awk "BEGIN { printf \"%.2f\", $t / ($gitp ? $gitp : 1) }")" "$gitp"
	done
done
# The year-end review reads every commit after the baseline, each against its
# parent, and only the records whose lines changed (C12's moves, the notes).
for kind in packed loose; do
	r=$dir/$kind
	[ -n "$(git -C "$r" tag -l base)" ] || git -C "$r" tag -a -m base base "HEAD~$((N - 1))"
	gitp=$(ms git -C "$r" log -p -- roadmap.yaml)
	t=$(ms "$ldr" review --baseline base --year 16/17 --as-of 2099-03 "$r")
	printf 'bench: %-6s ldr %-18s %5d ms  (%s x git log -p, %d ms; %d commits)\n' "$kind" "review" "$t" \
		"$(awk "BEGIN { printf \"%.2f\", $t / ($gitp ? $gitp : 1) }")" "$gitp" "$N"
done
