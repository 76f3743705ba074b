#!/bin/sh
# ldr sync over SSH, to localhost, as the architects reach the shared
# repository: an sshd of the test's own (a host key and a configuration in a
# temporary directory, a port of its own on 127.0.0.1, key authentication
# only, with a key made for the test), two clones syncing through it, a
# conflict that changes nothing, and a key the server does not know.
#
# Skipped, saying so, when no sshd is installed: openssh-server is not one
# of the packages the build needs, and installing it is root's business.
# Run by an ordinary user, sshd needs nothing else. Run by root it wants its
# privilege separation directory, /run/sshd, which the package's tmpfiles.d
# entry makes at boot; in a container without an init there is none, and
# the test makes it (an empty directory, as the package would).
#
#   sh tests/sync/ssh.sh [LDR]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
LDR=${1:-$top/ldr}
SSHD=$(command -v sshd 2>/dev/null || echo /usr/sbin/sshd)
if [ ! -x "$SSHD" ] || ! command -v ssh-keygen >/dev/null; then
	echo "ssh: skipped: no sshd here (apt-get install openssh-server to run it)"
	exit 0
fi
export LC_ALL=C.UTF-8 TZ=UTC
export GIT_AUTHOR_NAME='Pat Office' GIT_AUTHOR_EMAIL=pmo@example.org
export GIT_COMMITTER_NAME='Pat Office' GIT_COMMITTER_EMAIL=pmo@example.org
unset SSH_AUTH_SOCK SSH_AGENT_PID
D=$(mktemp -d /tmp/ldr-ssh-XXXXXX)
pid=
failed=0
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$D"' EXIT
fail() {
	echo "ssh: FAILED: $1"
	failed=1
}
# ldr and git read ~/.ssh: the test's own.
export HOME="$D/home"
mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh"
ssh-keygen -q -t ed25519 -N '' -C ldr-test-host -f "$D/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -C ldr-test-user -f "$HOME/.ssh/id_ed25519" || exit 1
cp "$HOME/.ssh/id_ed25519.pub" "$D/authorized_keys"
[ "$(id -u)" = 0 ] && [ ! -d /run/sshd ] && mkdir -p -m 755 /run/sshd

# A free port: the first one sshd can listen on.
port=$((20000 + $$ % 20000))
tries=0
while :; do
	cat >"$D/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $D/host_key
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
EOF
	: >"$D/sshd.log" # before the background shell opens it
	"$SSHD" -D -e -f "$D/sshd_config" 2>>"$D/sshd.log" &
	pid=$!
	i=0
	while [ $i -lt 50 ] && kill -0 "$pid" 2>/dev/null && ! grep -q "listening on" "$D/sshd.log"; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -q "listening on" "$D/sshd.log" && break
	kill "$pid" 2>/dev/null
	pid=
	tries=$((tries + 1))
	if [ $tries -ge 5 ]; then
		echo "ssh: FAILED: sshd does not start:"
		cat "$D/sshd.log"
		exit 1
	fi
	port=$((port + 1))
done
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$D/host_key.pub")" >"$HOME/.ssh/known_hosts"

url="ssh://$(id -un)@127.0.0.1:$port$D/shared.git"
"$LDR" init "$D/seed" --from "$top/roadmaps/derbyshire.yaml" >/dev/null || exit 1
git clone -q --bare "$D/seed" "$D/shared.git" || exit 1
for c in a b; do
	git clone -q "$D/shared.git" "$D/$c" && git -C "$D/$c" remote set-url origin "$url" || exit 1
done

# Edits to different records, each synced over SSH: merged and pushed.
"$LDR" set "$D/a" C12.year=19/20 -m 'C12 slips' >/dev/null || exit 1
out=$("$LDR" sync "$D/a" 2>&1) || fail "the first sync over SSH: $out"
echo "$out" | grep -q "^pushed" || fail "a's sync did not push: $out"
"$LDR" set "$D/b" C06.status=delivered C06.delivered=2016-07 -m 'C06 delivered' >/dev/null || exit 1
out=$("$LDR" sync "$D/b" 2>&1) || fail "b's sync over SSH: $out"
echo "$out" | grep -q "^merged origin/master" || fail "b's sync did not merge: $out"
out=$("$LDR" sync "$D/a" 2>&1) || fail "a's second sync: $out"
echo "$out" | grep -q "^took origin/master" || fail "a did not take the merge: $out"
cmp -s "$D/a/roadmap.yaml" "$D/b/roadmap.yaml" || fail "the clones differ after syncing"
grep -A3 'id: C12$' "$D/b/roadmap.yaml" | grep -q 'year: 19/20' || fail "a's edit is lost"
grep -A8 'id: C06$' "$D/a/roadmap.yaml" | grep -q 'status: delivered' || fail "b's edit is lost"

# The same field on both sides: a conflict, and nothing changes.
"$LDR" set "$D/a" C03.year=17/18 -m 'C03 later' >/dev/null && "$LDR" sync "$D/a" >/dev/null ||
	fail "a's C03 sync"
"$LDR" set "$D/b" 'C03.year=16/17 Q4' -m 'C03 a quarter later' >/dev/null || exit 1
head=$(git -C "$D/b" rev-parse HEAD)
out=$("$LDR" sync "$D/b" 2>&1) && fail "a conflict gave exit 0"
echo "$out" | grep -q "C03 year: changed on both sides: base '16/17', ours '16/17 Q4', theirs '17/18'" ||
	fail "the conflict is not named: $out"
[ "$(git -C "$D/b" rev-parse HEAD)" = "$head" ] && [ -z "$(git -C "$D/b" status --porcelain)" ] ||
	fail "the conflict changed b"

# A key the server does not know: authentication fails, on one line.
mv "$HOME/.ssh/id_ed25519" "$HOME/.ssh/other" && ssh-keygen -q -t ed25519 -N '' -f "$HOME/.ssh/id_ed25519" <<EOF
y
EOF
out=$("$LDR" sync "$D/a" 2>&1) && fail "an unknown key gave exit 0"
echo "$out" | grep -q "^ldr sync: authentication to 'origin' (ssh://" || fail "not an authentication error: $out"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "the authentication error is not one line: $out"

# A server whose host key is not known: refused, said on one line.
mv "$HOME/.ssh/known_hosts" "$D/known_hosts"
out=$("$LDR" sync "$D/a" 2>&1) && fail "an unknown host gave exit 0"
echo "$out" | grep -q "the server's host key is not in ~/.ssh/known_hosts" || fail "not a host key error: $out"

for g in shared.git a b; do
	git -C "$D/$g" fsck --no-dangling --no-progress >/dev/null 2>&1 || fail "git fsck complains about $g"
done
[ $failed -eq 0 ] && echo "ssh: ok (sshd on 127.0.0.1:$port)"
exit $failed
