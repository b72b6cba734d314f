#!/usr/bin/env bash
# A fresh clone's cold `cargo test --locked`: build + test time, as a new
# contributor (or CI without a cache) pays it.
#
#   1. clone REPO (default: this repository) at REV (default: HEAD) into a
#      temporary directory: committed files only, nothing from a work tree;
#   2. `cargo fetch --locked` (not timed: downloads are not the figure);
#   3. `/usr/bin/time -v cargo test --locked` with an empty CARGO_TARGET_DIR;
#   4. print wall time, user + sys CPU seconds, the number of test binaries
#      cargo ran, and what else was compiling on the machine meanwhile (the
#      CPU figure is the steadier one when others share the cores).
#
# Usage: bench/cold-test.sh [--keep] [REV [REPO]]
#   e.g. bench/cold-test.sh main /work/main
# The clone, target directory and full log are deleted at the end unless
# --keep is given (a cold debug build takes about 5 GB).
#
# The whole script is one { } block, so bash has read all of it before it
# runs: a checkout that changes this file mid-run does not change the run.
{
set -euo pipefail

keep=0
if [ "${1:-}" = "--keep" ]; then keep=1; shift; fi
rev="${1:-HEAD}"
repo="${2:-$(cd "$(dirname "$0")/.." && pwd)}"

sha="$(git -C "$repo" rev-parse --verify "$rev^{commit}")"
work="$(mktemp -d /tmp/cold-test.XXXXXX)"
cleanup() {
  [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null || true
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/src"
git -C "$work/src" checkout --quiet --detach "$sha"
cd "$work/src"
export CARGO_TARGET_DIR="$work/target"
cargo fetch --locked --quiet

# Every 5 s: which other builds run compilers (their --out-dir), and the
# load average; and the machine's busy CPU time before and after, so that
# what others used is busy time minus this measurement's own.
(
  set +eo pipefail # a sample that finds nothing is not an error
  while :; do
    dirs=$(ps -eo args= | grep -E '^(\S*/)?rustc\s' | grep -v -F "$work" \
      | sed -n 's/.*--out-dir \(\S*\)\/target\/.*/\1/p' | sort -u | tr '\n' ' ')
    echo "$(cut -d' ' -f1 /proc/loadavg) $dirs"
    sleep 5
  done
) >"$work/others.log" &
sampler=$!
busy() { awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / 100; exit }' /proc/stat; }
busy_before="$(busy)"

status=0
/usr/bin/time -v -o "$work/time.txt" cargo test --locked >"$work/test.log" 2>&1 || status=$?
busy_after="$(busy)"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true

field() { sed -n "s/^\s*$1: //p" "$work/time.txt"; }
wall="$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)')"
wall_s="$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.0f", s }')"
user="$(field 'User time (seconds)')"
sys="$(field 'System time (seconds)')"
binaries="$(grep -c -E '^\s+Running ' "$work/test.log" || true)"
passed="$(grep -E '^test result:' "$work/test.log" | awk '{ p += $4; f += $6 } END { print p + 0 " passed, " f + 0 " failed" }')"
samples="$(wc -l <"$work/others.log")"
with_others="$(awk 'NF > 1' "$work/others.log" | wc -l)"
load="$(awk '{ s += $1 } END { if (NR) printf "%.2f", s / NR }' "$work/others.log")"
who="$(cut -d' ' -f2- "$work/others.log" | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ' || true)"
cpu="$(echo "$user + $sys" | bc)"
others_cpu="$(echo "$busy_after - $busy_before - $cpu" | bc)"

echo "commit:    $sha"
echo "command:   CARGO_TARGET_DIR=<empty> /usr/bin/time -v cargo test --locked"
echo "exit:      $status"
echo "wall:      ${wall_s} s"
echo "cpu:       $cpu s (user $user, sys $sys)"
echo "binaries:  $binaries test binaries run, plus doc-tests ($passed)"
echo "others:    ${others_cpu} CPU s used by other processes meanwhile; other builds compiling in"
echo "           $with_others of $samples 5-s samples (${who:-none}); mean load $load on $(nproc) cores"
if [ "$status" != 0 ]; then
  grep -E '^(test .* FAILED|failures:|error)' "$work/test.log" | head -20 >&2 || true
fi
exit "$status"
}
