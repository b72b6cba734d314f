#!/usr/bin/env bash
# A watch of 500 LlamaCloud parse jobs by ID (CONTRACT §14), beside the same
# number of jobs asked one request each:
#   1. one query of 500 finished parse jobs: requests, wall, CPU, peak RSS
#   2. a watch of 500 parse jobs that stay RUNNING, for --watch-seconds:
#      requests per poll, CPU per poll, peak RSS
#   3. the same watch of 500 batch jobs (`batch status`, one request per job
#      and poll, the endpoint shape the v2 jobs had before `job_ids`)
# The server is pipewatch's own simulator (`demo --serve`), in another
# process, so its CPU is not counted; requests are counted from pipewatch's
# own `-v` log (one `> GET` line per request sent, retries included).
#
# Usage: bench/v2_jobs.sh [--watch-seconds N]   (default 30)
set -euo pipefail

watch_seconds=30
while [ $# -gt 0 ]; do
  case "$1" in
    --watch-seconds) watch_seconds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --locked >&2
bin="$root/target/release/pipewatch"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
"$bin" demo --serve --addr "127.0.0.1:$port" >"$work/serve.out" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

export LLAMA_CLOUD_BASE_URL="http://127.0.0.1:$port" LLAMA_CLOUD_API_KEY=bench-key

# measure POLL_PATTERN ARGS...: run pipewatch with `-v`, under
# /usr/bin/time; prints "requests polls wall_s cpu_s peak_rss_kib exit".
# A poll is a request whose URL holds POLL_PATTERN (the first job's ID,
# asked once a poll), so polls are counted, not derived from requests.
measure() {
  local pattern="$1"; shift
  local log="$work/log" times="$work/times" code=0
  /usr/bin/time -f '%e %U %S %M' -o "$times" "$bin" -v "$@" >/dev/null 2>"$log" || code=$?
  local requests polls
  requests=$(grep -cE '^(\[[0-9]+\] )?> GET' "$log" || true)
  polls=$(grep -E '^(\[[0-9]+\] )?> GET' "$log" | grep -c -- "$pattern" || true)
  read -r wall user sys rss < <(tail -n 1 "$times")
  echo "$requests $polls $wall $(echo "$user + $sys" | bc -l) $rss $code"
}

ids() { # ids PREFIX WORDS: 500 IDs on stdin lines
  for i in $(seq -w 0 499); do echo "$1$i-$2"; done
}

echo "== 1. one query of 500 finished parse jobs" >&2
read -r q_req q_polls q_wall q_cpu q_rss q_code < <(ids pj ok |
  measure pj000-ok llama parse status - -q)
echo "== 2. watch 500 running parse jobs for ${watch_seconds}s" >&2
read -r w_req w_polls w_wall w_cpu w_rss w_code < <(ids pw running |
  measure pw000-running llama parse status - -q --watch --interval 1s --timeout "${watch_seconds}s")
echo "== 3. watch 500 running batch jobs (one request each) for ${watch_seconds}s" >&2
read -r b_req b_polls b_wall b_cpu b_rss b_code < <(ids bw running |
  measure bw000-running batch status - -q --watch --interval 1s --timeout "${watch_seconds}s")

[ "$q_code" = 0 ] || { echo "query exit $q_code, expected 0" >&2; exit 1; }
[ "$w_code" = 6 ] || { echo "parse watch exit $w_code, expected 6" >&2; exit 1; }
[ "$b_code" = 6 ] || { echo "batch watch exit $b_code, expected 6" >&2; exit 1; }

[ "$q_polls" = 1 ] || { echo "query made $q_polls polls" >&2; exit 1; }
printf '%-40s %s\n' "measure" "result"
printf '%-40s %d requests  %.2f s wall  %.2f s CPU  %.1f MiB peak RSS\n' \
  "500 parse jobs, one query" "$q_req" "$q_wall" "$q_cpu" "$(echo "$q_rss / 1024" | bc -l)"
printf '%-40s %.0f requests/poll  %.1f ms CPU/poll  %.1f polls  %.1f MiB peak RSS\n' \
  "watch 500 parse jobs ${watch_seconds} s" "$(echo "$w_req / $w_polls" | bc -l)" \
  "$(echo "$w_cpu * 1000 / $w_polls" | bc -l)" "$w_polls" "$(echo "$w_rss / 1024" | bc -l)"
printf '%-40s %.0f requests/poll  %.1f ms CPU/poll  %.1f polls  %.1f MiB peak RSS\n' \
  "watch 500 batch jobs ${watch_seconds} s" "$(echo "$b_req / $b_polls" | bc -l)" \
  "$(echo "$b_cpu * 1000 / $b_polls" | bc -l)" "$b_polls" "$(echo "$b_rss / 1024" | bc -l)"
