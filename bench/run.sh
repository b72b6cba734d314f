#!/usr/bin/env bash
# pipewatch benchmarks, side by side in one run (see BENCHMARKS.md):
#   1. a one-off `llama pipeline status` vs curl fetching the same URL (hyperfine;
#      pipewatch also fetches the files' status counts, in parallel)
#   2. one call with 1,000 file targets: wall, CPU, peak RSS
#   3. a watch of one running job at --interval 1s: CPU per poll
#   4. release binary size and `pipewatch --version` time
# nginx serves canned bodies on 127.0.0.1 so the server is never the
# bottleneck. hyperfine and nginx come from Debian's packages and are
# installed when missing. Figures go to stdout and bench/results.json.
#
# Usage: bench/run.sh [--watch-seconds N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."

watch_seconds=60
runs=50
while [ $# -gt 0 ]; do
  case "$1" in
    --watch-seconds) watch_seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--watch-seconds N] [--runs N]" >&2; exit 2 ;;
  esac
done

need() {
  command -v "$1" >/dev/null && return
  echo "installing $2 ..." >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
}
need hyperfine hyperfine
need nginx nginx-light
need curl curl

cargo build --release --locked --quiet
bin=$PWD/target/release/pipewatch

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    default_type application/json;
    location = /api/v1/pipelines/running/files/status-counts {
      return 200 '{"counts":{"SUCCESS":9000,"IN_PROGRESS":1000},"total_count":10000,"pipeline_id":"00000000-0000-0000-0000-000000000011","data_source_id":null,"only_manually_uploaded":false}';
    }
    # Before the file-status regex below (regexes match in order), so that a
    # looser file pattern could never answer it as a file named status-counts.
    location ~ ^/api/v1/pipelines/[^/]+/files/status-counts\$ {
      return 200 '{"counts":{"SUCCESS":10000},"total_count":10000,"pipeline_id":"00000000-0000-0000-0000-000000000010","data_source_id":null,"only_manually_uploaded":false}';
    }
    location = /api/v1/pipelines/running/status {
      return 200 '{"status":"IN_PROGRESS","job_id":"00000000-0000-0000-0000-000000000001"}';
    }
    location ~ ^/api/v1/pipelines/[^/]+/files/[^/]+/status\$ {
      return 200 '{"status":"SUCCESS","effective_at":"2026-11-22T10:00:00Z","job_id":"00000000-0000-0000-0000-000000000002"}';
    }
    location ~ ^/api/v1/pipelines/[^/]+/status\$ {
      return 200 '{"status":"SUCCESS","effective_at":"2026-11-22T10:00:00Z","job_id":"00000000-0000-0000-0000-000000000003","error":null}';
    }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
base=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$base/api/v1/pipelines/p1/status" >/dev/null && break; sleep 0.1; done

export LLAMA_CLOUD_BASE_URL=$base LLAMA_CLOUD_API_KEY=bench-key NO_COLOR=1
# An isolated config dir, so a developer's own config cannot change the figures.
export XDG_CONFIG_HOME=$work/config HOME=$work

echo "== 1. one-off query vs curl ($runs runs each)" >&2
hyperfine -N --warmup 5 --runs "$runs" --style basic --export-json "$work/oneoff.json" \
  "$bin llama pipeline status p1 -q" \
  "curl -sf -H 'Authorization: Bearer bench-key' -o /dev/null $base/api/v1/pipelines/p1/status" >&2

echo "== 2. 1,000 file targets in one call" >&2
files=$(seq -f "file-%g" 1 1000 | tr '\n' ' ')
# shellcheck disable=SC2086
/usr/bin/time -f "%e %U %S %M" -o "$work/many.time" \
  "$bin" llama file status --pipeline p1 $files -q
# time(1) puts a "Command exited with non-zero status" line first when it did.
read -r many_wall many_user many_sys many_rss_kb < <(tail -n1 "$work/many.time")

echo "== 3. watch one running job for ${watch_seconds}s at --interval 1s" >&2
/usr/bin/time -f "%e %U %S %M" -o "$work/watch.time" \
  "$bin" llama pipeline status running --watch --interval 1s --timeout "${watch_seconds}s" -q || true
read -r watch_wall watch_user watch_sys watch_rss_kb < <(tail -n1 "$work/watch.time")

echo "== 4. binary" >&2
hyperfine -N --warmup 5 --runs "$runs" --style basic --export-json "$work/version.json" "$bin --version" >&2
size_bytes=$(stat -c %s "$bin")

python3 - "$work" "$many_wall" "$many_user" "$many_sys" "$many_rss_kb" \
  "$watch_wall" "$watch_user" "$watch_sys" "$watch_rss_kb" "$watch_seconds" "$size_bytes" <<'EOF'
import json, sys
work = sys.argv[1]
(many_wall, many_user, many_sys, many_rss_kb, watch_wall, watch_user, watch_sys,
 watch_rss_kb, watch_seconds, size_bytes) = map(float, sys.argv[2:])
oneoff = json.load(open(f"{work}/oneoff.json"))["results"]
version = json.load(open(f"{work}/version.json"))["results"][0]
pw, curl = oneoff[0]["median"], oneoff[1]["median"]
polls = max(watch_seconds, 1)  # one poll a second, the first at once
watch_cpu = watch_user + watch_sys
results = {
    "oneoff_median_ms": {"pipewatch": pw * 1e3, "curl": curl * 1e3, "ratio": pw / curl},
    "many_1000": {"wall_s": many_wall, "cpu_s": many_user + many_sys,
                  "peak_rss_mib": many_rss_kb / 1024},
    "watch": {"seconds": watch_wall, "cpu_s": watch_cpu,
              "cpu_ms_per_poll": watch_cpu * 1e3 / polls, "peak_rss_mib": watch_rss_kb / 1024},
    "binary": {"size_mb": size_bytes / 1e6, "version_median_ms": version["median"] * 1e3},
}
targets = {
    "oneoff ratio <= 1.10": results["oneoff_median_ms"]["ratio"] <= 1.10,
    "1,000 targets RSS <= 30 MiB": results["many_1000"]["peak_rss_mib"] <= 30,
    "1,000 targets CPU <= 0.5 s": results["many_1000"]["cpu_s"] <= 0.5,
    "watch < 1 ms CPU per poll": results["watch"]["cpu_ms_per_poll"] < 1,
    "binary <= 8 MB": results["binary"]["size_mb"] <= 8,
}
results["targets_met"] = targets
json.dump(results, open("bench/results.json", "w"), indent=2)
r = results
rows = [
    ("one-off query, median", f'{r["oneoff_median_ms"]["pipewatch"]:.2f} ms', f'curl {r["oneoff_median_ms"]["curl"]:.2f} ms', f'ratio {r["oneoff_median_ms"]["ratio"]:.2f}x'),
    ("1,000 targets", f'{r["many_1000"]["wall_s"]:.2f} s wall', f'{r["many_1000"]["cpu_s"]:.2f} s CPU', f'{r["many_1000"]["peak_rss_mib"]:.1f} MiB peak RSS'),
    (f'watch {watch_seconds:.0f} s at 1s', f'{r["watch"]["cpu_s"]:.3f} s CPU', f'{r["watch"]["cpu_ms_per_poll"]:.2f} ms/poll', f'{r["watch"]["peak_rss_mib"]:.1f} MiB peak RSS'),
    ("release binary", f'{r["binary"]["size_mb"]:.2f} MB', f'--version {r["binary"]["version_median_ms"]:.2f} ms', ""),
]
print(f'{"measure":<24} {"":<16} {"":<20} {""}')
for row in rows:
    print(f"{row[0]:<24} {row[1]:<16} {row[2]:<20} {row[3]}")
print()
for name, ok in targets.items():
    print(f'{"met    " if ok else "NOT MET"} {name}')
EOF
echo "(figures written to bench/results.json)" >&2
