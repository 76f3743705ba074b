# Sourced by tests/cli/signals.t, after tests/cli/repo.sh. 'sig N SIGNAL
# CMD...' runs CMD under strace, which sends it SIGNAL as it enters its Nth
# fsync: the moment is a system call in the write phase, not a delay, so
# the run is the same every time. It prints the file being flushed then,
# CMD's exit status (128 + the signal's number when the signal ended it),
# and every lock or temporary file left under $W: *.lock, libgit2's
# tmp_object_git2_*, ldr's .NAME.XXXXXX. 'fresh NAME' makes W, a new
# repository of the Annex 2 illustration; 'state' says what HEAD and the
# work tree hold.
W=
fresh() {
	W=$R/$1
	# The setting, not what is tested: made with the plain build if there is one.
	l=ldr
	[ -x ./ldr ] && l=./ldr
	$l init "$W" --from roadmaps/annex2-illustration.yaml -m Start >/dev/null
}
sig() {
	n=$1 s=$2
	shift 2
	strace -f -qq -y -o "$T/strace.log" -e trace=fsync -e "inject=fsync:signal=$s:when=$n" "$@" \
		>"$T/sig.out" 2>&1
	rc=$?
	f=$(grep 'fsync(' "$T/strace.log" | sed -n "${n}p" | sed 's/.*fsync([0-9]*<//; s/>).*//')
	echo "$s at fsync $n, of $(echo "$f" | sed "s|$W|W|; s/git2_[0-9a-f]*$/git2_*/; s/\.[A-Za-z0-9]\{6\}$/.XXXXXX/")"
	echo "exit $rc"
	find "$W" \( -name '*.lock' -o -name 'tmp_*' -o -name '.*.??????' \) | sed "s|$W|W|; s/git2_[0-9a-f]*$/git2_*/; s/\.[A-Za-z0-9]\{6\}$/.XXXXXX/" | sort
}
state() {
	echo "HEAD: $(git -C "$W" log -1 --format=%s 2>/dev/null), $(git -C "$W" rev-list --count HEAD 2>/dev/null || echo 0) commits"
	git -C "$W" status --short
}
