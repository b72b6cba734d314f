#!/usr/bin/env bash
# The Python wheel (CONTRACT §18), built and used as a Python user would:
#   1. maturin (pip-installed into a throwaway virtual environment) builds
#      the wheel from pyproject.toml: `maturin build --release --locked`;
#   2. the wheel is installed, offline (`pip install --no-index`), into a
#      fresh virtual environment, and from there `pipewatch --version`,
#      `python -m pipewatch --version` and `pipewatch demo` run with that
#      environment's bin/ first on PATH and an empty HOME;
#   3. `pipx install` and `uv tool install` of the same wheel put a
#      `pipewatch` on their own bin directory that runs too.
# Steps 1 and 3 run README.md's own lines (the ```sh block after "As a
# Python wheel"), so the README's install lines stay the tested ones.
# It prints the wheel's name, size and the time each stage took, and
# removes everything it made but the wheel (left in target/wheels/).
# Needs python3 with venv (Debian: apt-get install python3-venv, which it
# installs when missing and run as root) and the Rust toolchain; the first
# run downloads maturin, pipx and uv from PyPI. `cargo test` needs none of it.
#
#   scripts/wheel-check.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    [ "$(id -u)" = 0 ] || fail "python3 cannot make virtual environments: apt-get install python3-venv"
    echo "==> installing Debian's python3-venv"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi

want="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)"
[ -n "$want" ] || fail "no version in Cargo.toml"

echo "==> maturin, pipx and uv in a throwaway virtual environment"
python3 -m venv "$work/tools"
"$work/tools/bin/pip" install -q --disable-pip-version-check 'maturin>=1.9,<2' pipx uv
"$work/tools/bin/maturin" --version

# README's three lines: build, pipx install, uv tool install.
awk '/^\*\*As a Python wheel\*\*/ { on = 1 } on && /^```sh$/ { inside = 1; next }
     inside && /^```$/ { exit } inside { print }' "$root/README.md" >"$work/readme-lines"
build_line="$(grep '^pip install maturin && maturin build ' "$work/readme-lines")" || fail "README has no build line"
pipx_line="$(grep '^pipx install ' "$work/readme-lines")" || fail "README has no pipx install line"
uv_line="$(grep '^uv tool install ' "$work/readme-lines")" || fail "README has no uv tool install line"

echo "==> $build_line"
start=$(now)
dist="$root/target/wheels"
rm -f "$dist"/pipewatch-*.whl
(cd "$root" && PATH="$work/tools/bin:$PATH" bash -euo pipefail -c "$build_line") >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; fail "maturin build"; }
build_time=$(took "$start")
wheel="$(ls "$dist"/pipewatch-*.whl)"
[ "$(echo "$wheel" | wc -l)" = 1 ] || fail "more than one wheel: $wheel"
case "$(basename "$wheel")" in
    "pipewatch-$want-"*) ;;
    *) fail "$(basename "$wheel") is not version $want (Cargo.toml)" ;;
esac
wheel_bytes=$(stat -c %s "$wheel")
echo "built $(basename "$wheel"): $wheel_bytes bytes ($((wheel_bytes / 1024)) KiB) in $build_time"
echo "its files:"
python3 -m zipfile -l "$wheel" | awk 'NR > 1 { printf "  %-60s %10s\n", $1, $NF }'

echo "==> pip install --no-index into a fresh virtual environment"
start=$(now)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check --no-index "$wheel"
echo "installed in $(took "$start")"
mkdir "$work/home"
# Only the new environment's bin/ and the system's: no other pipewatch.
in_venv() {
    env -i HOME="$work/home" PATH="$work/venv/bin:/usr/bin:/bin" TERM=dumb "$@"
}
[ "$(in_venv sh -c 'command -v pipewatch')" = "$work/venv/bin/pipewatch" ] ||
    fail "pipewatch on PATH is not the wheel's"

echo '$ pipewatch --version'
out="$(in_venv pipewatch --version)"; echo "$out"
[ "$out" = "pipewatch $want" ] || fail "pipewatch --version says '$out', not 'pipewatch $want'"

echo '$ python -m pipewatch --version'
out="$(in_venv python -m pipewatch --version)"; echo "$out"
[ "$out" = "pipewatch $want" ] || fail "python -m pipewatch --version says '$out'"
# Arguments and the exit code pass through untouched: a usage error is 2.
code=0; in_venv python -m pipewatch batch status --no-such-flag >/dev/null 2>&1 || code=$?
[ "$code" = 2 ] || fail "python -m pipewatch with a bad flag exited $code, not 2"
echo '$ python -m pipewatch batch status --no-such-flag  # exit 2, as the binary'

echo '$ pipewatch demo'
start=$(now)
code=0; in_venv pipewatch demo >"$work/demo.out" 2>"$work/demo.err" || code=$?
demo_time=$(took "$start")
tail -n 4 "$work/demo.out"
[ "$code" = 0 ] || { cat "$work/demo.err" >&2; fail "pipewatch demo exited $code"; }
echo "pipewatch demo: exit 0 in $demo_time, $(wc -l <"$work/demo.out") lines on stdout"

echo "==> README's pipx and uv lines, each into folders of its own, offline"
for tool in pipx uv; do
    bin="$work/$tool-bin"
    case $tool in
        pipx) line="$pipx_line"
            set -- PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$bin" PIPX_MAN_DIR="$work/pipx-man" \
                PIP_NO_INDEX=1 ;;
        uv) line="$uv_line"
            set -- UV_TOOL_DIR="$work/uv" UV_TOOL_BIN_DIR="$bin" UV_CACHE_DIR="$work/uv-cache" \
                UV_PYTHON="$(command -v python3)" UV_OFFLINE=1 ;;
    esac
    echo "\$ $line"
    (cd "$root" && env "$@" PATH="$work/tools/bin:$PATH" bash -euo pipefail -c "$line") \
        >"$work/$tool.log" 2>&1 || { cat "$work/$tool.log" >&2; fail "$line"; }
    out="$("$bin/pipewatch" --version)"
    [ "$out" = "pipewatch $want" ] || fail "$tool's pipewatch --version says '$out'"
    echo "$bin/pipewatch --version: $out"
done

echo
echo "OK: the wheel installs pipewatch $want ($wheel_bytes bytes, built in $build_time; demo in $demo_time)."
