#!/usr/bin/env bash
# The GitHub Action (CONTRACT §18), checked as far as this machine can:
#   1. action.yml against GitHub's action metadata schema, and the workflow
#      of docs/ci.md (the ```yaml block after its "checked by
#      scripts/action-check.sh" comment) against GitHub's workflow schema,
#      with PyPI's check-jsonschema (--builtin-schema vendor.github-actions,
#      vendor.github-workflows) in a throwaway virtual environment; a broken
#      copy of action.yml must be refused, so the check is not vacuous;
#   2. tests/it/action.rs: the action's steps run as a runner runs them,
#      against the simulator, the ignored test included, whose install step
#      builds this checkout with `cargo install --locked` into a tool cache
#      (in target/, as `cargo install --path` builds, so a release build there is reused).
# `cargo test --locked` runs the tests of 2 but the build, and needs no Python.
#
#   scripts/action-check.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

echo "==> check-jsonschema in a throwaway virtual environment"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check check-jsonschema
check="$work/venv/bin/check-jsonschema"
"$check" --version

awk '/checked by scripts\/action-check.sh/ { on = 1; next }
     on && /^```yaml$/ { inside = 1; next }
     inside && /^```$/ { exit }
     inside { print }' "$root/docs/ci.md" >"$work/workflow.yml"
[ -s "$work/workflow.yml" ] || fail "no checked workflow in docs/ci.md"
grep -q 'uses: .*/pipewatch@' "$work/workflow.yml" || fail "docs/ci.md's workflow does not use the action"

echo "==> action.yml against the GitHub Action metadata schema"
"$check" --builtin-schema vendor.github-actions "$root/action.yml"
echo "==> docs/ci.md's workflow against the GitHub workflow schema"
"$check" --builtin-schema vendor.github-workflows "$work/workflow.yml"
sed 's/using: composite/using: compsite/' "$root/action.yml" >"$work/broken-action.yml"
if "$check" --builtin-schema vendor.github-actions "$work/broken-action.yml" >"$work/broken.log" 2>&1; then
    fail "a broken action.yml (using: compsite) passed the schema"
fi
echo "a broken copy (using: compsite) is refused, as it should be"

echo "==> cargo test --locked --test it action:: -- --include-ignored"
start=$(now)
(cd "$root" && cargo test --locked --test it action:: -- --include-ignored) 2>&1 | tee "$work/test.log" |
    grep -E '^test |^test result' || true
grep -q '^test result: ok\.' "$work/test.log" || { cat "$work/test.log" >&2; fail "tests/it/action.rs"; }
grep -q 'the_install_step_builds_the_action_checkout ... ok' "$work/test.log" || fail "the install step's test did not run"
echo "tests/it/action.rs, the install step's build included: $(took "$start")"

echo
echo "OK: action.yml and docs/ci.md's workflow validate; the action's steps pass as a runner runs them."
