#!/usr/bin/env bash
# Run every fuzz target (or those named) for SECONDS each, JOBS at a time.
#   fuzz/run.sh [-t SECONDS] [-j JOBS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain.
# New inputs go to fuzz/work/<target> (not committed); the committed seeds in
# fuzz/corpus/<target> are read. A crash is saved in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
jobs=2
while [[ ${1:-} == -* ]]; do
  case $1 in
    -t) seconds=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    *) echo "usage: fuzz/run.sh [-t SECONDS] [-j JOBS] [TARGET...]" >&2; exit 2 ;;
  esac
done
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  # Every fuzz target: one per API of the list (tests/it/registry.rs checks), and the others.
  targets=()
  for t in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$t" .rs)"); done
fi
cargo +nightly fuzz build -O
mkdir -p fuzz/work fuzz/logs
run() {
  local t=$1
  mkdir -p "fuzz/work/$t"
  local dict=()
  case $t in config | duration | sanitize) ;; *) dict=(-dict=fuzz/json.dict) ;; esac
  if cargo +nightly fuzz run -O "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "${dict[@]}" \
      >"fuzz/logs/$t.log" 2>&1; then
    local runs cov
    runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "fuzz/logs/$t.log" | grep -Eo '[0-9]+ runs' || true)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "fuzz/logs/$t.log" | tail -1 || true)
    echo "ok      $t: $runs, $cov"
  else
    echo "FAILED  $t: see fuzz/logs/$t.log and fuzz/artifacts/$t/"
    return 1
  fi
}
status=0
pids=()
for t in "${targets[@]}"; do
  run "$t" & pids+=($!)
  if (( ${#pids[@]} == jobs )); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
