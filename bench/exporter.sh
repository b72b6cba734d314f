#!/usr/bin/env bash
# The exporter's costs (BENCHMARKS.md, exporter): a probe of a 10,000-file
# collection (requests, wall, CPU, peak RSS), the exporter idle, and 50
# concurrent probes of that collection. Offline: the simulator of
# `pipewatch demo --serve` serves the listing (10 pages of 1,000 files).
# CPU is the exporter's own process_cpu_seconds_total (from /proc), before
# and after; peak RSS its VmHWM. Requests are counted from `-v`'s log.
#
#   bench/exporter.sh                # builds target/release/pipewatch
#   PIPEWATCH=path/to/pipewatch bench/exporter.sh [--idle-seconds 30]
set -euo pipefail

idle_seconds=30
[ "${1:-}" = "--idle-seconds" ] && idle_seconds=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT
if [ -z "${PIPEWATCH:-}" ]; then
    (cd "$root" && cargo build --release --locked --quiet)
    PIPEWATCH="$root/target/release/pipewatch"
fi
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

sim_port=$(free_port 28765)
"$PIPEWATCH" demo --serve --addr "127.0.0.1:$sim_port" >"$work/demo.env" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do grep -q FELDERA_HOST "$work/demo.env" 2>/dev/null && break; sleep 0.1; done
set -a; . "$work/demo.env"; set +a
port=$(free_port 29464)
"$PIPEWATCH" exporter --addr "127.0.0.1:$port" -v 2>"$work/exporter.log" &
exporter_pid=$!
pids+=($exporter_pid)
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/metrics" && break; sleep 0.1; done

cpu() { curl -fs "http://127.0.0.1:$port/metrics" | awk '/^process_cpu_seconds_total/ {print $2}'; }
rss_mib() { awk "/^$1:/ {printf \"%.1f\", \$2 / 1024}" "/proc/$exporter_pid/status"; }
requests() { grep -c "GET .*/files?" "$work/exporter.log" || true; }
probe="http://127.0.0.1:$port/probe?service=llama.file&pipeline_id=bench-items10000-ok&all=1"

# Warm the simulator's listing (it builds the collection on first use).
curl -fs "$probe" >/dev/null
before_requests=$(requests)
before=$(cpu)
wall=$(curl -fs -o "$work/probe.prom" -w '%{time_total}' "$probe")
after=$(cpu)
requests_one=$(( $(requests) - before_requests ))
succeeded=$(awk -F' ' '/state="succeeded"/ {print $2}' "$work/probe.prom")
echo "10,000-file probe        ${requests_one} requests  ${wall} s wall  $(awk "BEGIN {printf \"%.3f\", $after - $before}") s CPU  ${succeeded} succeeded  peak RSS $(rss_mib VmHWM) MiB"

before=$(cpu)
sleep "$idle_seconds"
after=$(cpu)
echo "idle ${idle_seconds} s                 $(awk "BEGIN {printf \"%.3f\", $after - $before}") s CPU ($(awk "BEGIN {printf \"%.2f\", ($after - $before) * 100 / $idle_seconds}") %)  RSS $(rss_mib VmRSS) MiB"

before=$(cpu)
start=$(date +%s.%N)
for i in $(seq 50); do
    curl -fs -o "$work/probe-$i.prom" -H 'X-Prometheus-Scrape-Timeout-Seconds: 30' "$probe" &
done
wait_list=$(jobs -p | grep -v -x -F "$(printf '%s\n' "${pids[@]}")" || true)
for pid in $wait_list; do wait "$pid" || true; done
end=$(date +%s.%N)
after=$(cpu)
ok=$(cat "$work"/probe-*.prom | grep -c '^pipewatch_probe_success 1' || true)
echo "50 concurrent probes     $(awk "BEGIN {printf \"%.2f\", $end - $start}") s wall  $(awk "BEGIN {printf \"%.3f\", $after - $before}") s CPU  peak RSS $(rss_mib VmHWM) MiB  ${ok}/50 succeeded (each of the 10,000 files)"
