# Sourced by the CLI tests that need repositories: R is a throw-away
# directory under /tmp (never inside the project's own work tree), the same
# for every line of one test; identities and dates are pinned, so that commit
# ids are the same on every run. 'at DATE' moves the clock.
export GIT_AUTHOR_NAME='Pat Office' GIT_AUTHOR_EMAIL=pmo@example.org
export GIT_COMMITTER_NAME='Pat Office' GIT_COMMITTER_EMAIL=pmo@example.org
at() {
	export GIT_AUTHOR_DATE="${1}T12:00:00+00:00" GIT_COMMITTER_DATE="${1}T12:00:00+00:00"
}
at 2016-06-01
[ -s "$T/repo-dir" ] || mktemp -d /tmp/ldr-cli-XXXXXX >"$T/repo-dir"
R=$(cat "$T/repo-dir")
# The interface's recovery files are named with their session's tag,
# PID-SINCE@HOST (man ldr, FILES): 'untag' writes it the same on every run.
untag() {
	sed 's/\.[0-9][0-9]*-[0-9][0-9]*@[^/]*\.\(unsaved\|base\|merging\|ldr-unsaved\|ldr-base\|ldr-merging\)$/.PID-SINCE@HOST.\1/'
}
