#!/usr/bin/env bash
# pipewatch benchmarks, side by side in one run (see BENCHMARKS.md):
#   1. a one-off `llama pipeline status` vs curl fetching the same URL (hyperfine;
#      pipewatch also fetches the files' status counts, in parallel)
#   2. one call with 1,000 file targets: wall, CPU, peak RSS
#   3. a watch of one running job at --interval 1s: CPU per poll
#   4. release binary size and `pipewatch --version` time
#   5. one poll of a 10,000-file pipeline through its listing (`llama file
#      status --all`, 10 pages of 1,000): requests, wall, CPU, peak RSS,
#      with `-q` and with `--json`
#   6. the same 10,000 files as explicit targets (on stdin): the same figures
#   7. a watch of a 10,000-file pipeline still running, through its listing:
#      requests and CPU per poll, peak RSS
#   8. a watch of the same 10,000 files as explicit targets: the same figures
# nginx serves canned bodies on 127.0.0.1 so the server is never the
# bottleneck; measures 5-8 go to a server block of their own that logs every
# request, to count them. hyperfine and nginx come from Debian's packages and
# are installed when missing. Figures go to stdout and bench/results.json.
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
# Where cargo put it: CARGO_TARGET_DIR when set (relative to here, as cargo reads it).
target_dir=${CARGO_TARGET_DIR:-target}
case $target_dir in /*) ;; *) target_dir=$PWD/$target_dir ;; esac
bin=$target_dir/release/pipewatch

work=$(mktemp -d)
# Two free ports: the second server takes measures 5-8.
read -r port port2 < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# nginx's workers run as nobody when it is started by root: let them read the pages.
chmod 755 "$work"
mkdir -p "$work/logs"
# The pages of two 10,000-file pipelines (PipelineFileListResponse, 1,000
# PipelineFileResponse items a page, chained by page token; the last page's
# token is null), the map from page token to page, and each pipeline's file
# IDs one per line for the explicit form.
done_pipeline=c0ffee00-0000-4000-8000-00000000d0e0
running_pipeline=c0ffee00-0000-4000-8000-00000000a0e0
python3 - "$work" "$done_pipeline" "$running_pipeline" <<'EOF'
import hashlib, json, os, sys, uuid
work, done, running = sys.argv[1:]
files, page_size = 10_000, 1000
project = "5b0c2e7a-51d4-4c1e-9a3f-2d6f0b8e4c11"
source = "8a7d3f10-2c4b-4e5a-b6c7-d8e9f0a1b2c3"
tokens = []
for pipeline, status in ((done, "SUCCESS"), (running, "IN_PROGRESS")):
    os.makedirs(f"{work}/pages/{pipeline}")
    ids = open(f"{work}/files-{pipeline}.txt", "w")
    pages = files // page_size
    token = [hashlib.sha1(f"{pipeline}/{n}".encode()).hexdigest() for n in range(pages + 1)]
    for n in range(1, pages + 1):
        items = []
        for i in range((n - 1) * page_size + 1, n * page_size + 1):
            file_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{pipeline}/{i}"))
            ids.write(file_id + "\n")
            size = 40_000 + i * 7919 % 2_000_000
            day = f"2026-11-{1 + i % 20:02d}"
            items.append({
                "id": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"{pipeline}/{i}")),
                "name": f"contracts/2026/batch-{i // 500:03d}/contract-{i:05d}.pdf",
                "external_file_id": f"s3://acme-ingest/contracts/2026/batch-{i // 500:03d}/contract-{i:05d}.pdf",
                "file_size": size,
                "file_type": "pdf",
                "project_id": project,
                "last_modified_at": f"{day}T08:{i % 60:02d}:{i * 7 % 60:02d}.{i % 1000:03d}000Z",
                "file_id": file_id,
                "pipeline_id": pipeline,
                "resource_info": {"file_size": size, "last_modified_at": f"{day}T08:{i % 60:02d}:{i * 7 % 60:02d}Z"},
                "permission_info": None,
                "custom_metadata": {"department": "legal", "batch": i // 500},
                "data_source_id": source,
                "status": status,
                "status_updated_at": "2026-11-22T10:00:00.000000Z",
                "created_at": f"{day}T09:00:00.000000Z",
                "updated_at": "2026-11-22T10:00:00.000000Z",
            })
        body = {"items": items, "next_page_token": token[n] if n < pages else None,
                "total_size": files}
        with open(f"{work}/pages/{pipeline}/page-{n}.json", "w") as f:
            json.dump(body, f, separators=(",", ":"))
        if n > 1:
            tokens.append(f"  {token[n - 1]} {n};\n")
with open(f"{work}/page-tokens.map", "w") as f:
    f.write('  "" 1;\n' + "".join(tokens))
EOF
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
  # Measures 5-8: the 10,000-file pipelines, every request logged (its URI).
  log_format uri '\$request_uri';
  map \$arg_page_token \$page {
    default none;
    include $work/page-tokens.map;
  }
  server {
    listen 127.0.0.1:$port2;
    default_type application/json;
    access_log $work/logs/collections.log uri;
    location ~ ^/api/v1/beta/pipelines/(?<pipeline>[^/]+)/files\$ {
      root $work/pages;
      try_files /\$pipeline/page-\$page.json =404;
    }
    location ~ ^/api/v1/pipelines/$running_pipeline/files/[^/]+/status\$ {
      return 200 '{"status":"IN_PROGRESS","effective_at":"2026-11-22T10:00:00Z","job_id":"00000000-0000-0000-0000-000000000002","error":null}';
    }
    location ~ ^/api/v1/pipelines/[^/]+/files/[^/]+/status\$ {
      return 200 '{"status":"SUCCESS","effective_at":"2026-11-22T10:00:00Z","job_id":"00000000-0000-0000-0000-000000000002","error":null}';
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

# timed NAME RUNS STDIN EXIT CMD...: CMD RUNS times under time(1), stdin from
# STDIN, stdout to NAME.out (the last run's). Each run's "wall user sys
# rss_kb exit" goes to NAME.N.time, RUNS and the EXIT it should have to
# NAME.runs, and the URIs the collection server logged over all runs to
# NAME.log.
log=$work/logs/collections.log
timed() {
  local name=$1 n=$2 stdin=$3 expect=$4 before
  shift 4
  before=$(wc -l < "$log")
  for i in $(seq "$n"); do
    /usr/bin/time -f "%e %U %S %M %x" -o "$work/$name.$i.time" "$@" < "$stdin" > "$work/$name.out" || true
  done
  tail -n +$((before + 1)) "$log" > "$work/$name.log"
  echo "$n $expect" > "$work/$name.runs"
}
export LLAMA_CLOUD_BASE_URL=http://127.0.0.1:$port2
curl -sf -o /dev/null "$LLAMA_CLOUD_BASE_URL/api/v1/beta/pipelines/$done_pipeline/files?page_size=1000" ||
  { echo "the collection server does not serve the first page:" >&2; cat "$work/logs/error.log" >&2; exit 1; }

echo "== 5. one poll of a 10,000-file pipeline through its listing (--all), 3 runs each" >&2
timed list_q 3 /dev/null 0 "$bin" llama file status --pipeline "$done_pipeline" --all -q
timed list_json 3 /dev/null 0 "$bin" llama file status --pipeline "$done_pipeline" --all --json

echo "== 6. the same 10,000 files as explicit targets, 3 runs" >&2
timed targets_q 3 "$work/files-$done_pipeline.txt" 0 \
  "$bin" llama file status --pipeline "$done_pipeline" - -q

echo "== 7. watch a running 10,000-file pipeline through its listing for ${watch_seconds}s" >&2
# exit 6: the --timeout came first, as it should with every file running.
timed watch_list 1 /dev/null 6 "$bin" llama file status --pipeline "$running_pipeline" --all \
  --watch --interval 1s --timeout "${watch_seconds}s" -q

echo "== 8. watch the same 10,000 files as explicit targets for ${watch_seconds}s" >&2
timed watch_targets 1 "$work/files-$running_pipeline.txt" 6 \
  "$bin" llama file status --pipeline "$running_pipeline" - \
  --watch --interval 1s --timeout "${watch_seconds}s" -q

python3 - "$work" "$many_wall" "$many_user" "$many_sys" "$many_rss_kb" \
  "$watch_wall" "$watch_user" "$watch_sys" "$watch_rss_kb" "$watch_seconds" "$size_bytes" <<'EOF'
import json, statistics, sys
work = sys.argv[1]
(many_wall, many_user, many_sys, many_rss_kb, watch_wall, watch_user, watch_sys,
 watch_rss_kb, watch_seconds, size_bytes) = map(float, sys.argv[2:])
files = 10_000


def timed(name):
    """The median run of a `timed` measure, and the requests it made."""
    n, expect = map(int, open(f"{work}/{name}.runs").read().split())
    runs = []
    for i in range(1, n + 1):
        # time(1) puts a "Command exited with non-zero status" line first when it did.
        wall, user, sys_, rss_kb, code = open(f"{work}/{name}.{i}.time").read().split("\n")[-2].split()
        if int(code) != expect:
            sys.exit(f"{name}: exit {code}, not {expect}; the figures would mean nothing")
        runs.append((float(wall), float(user) + float(sys_), int(rss_kb) / 1024))
    uris = open(f"{work}/{name}.log").read().split()
    return {
        "wall_s": statistics.median(r[0] for r in runs),
        "cpu_s": statistics.median(r[1] for r in runs),
        "peak_rss_mib": max(r[2] for r in runs),
        "requests": len(uris) / n,
        "first_pages": sum("/beta/" in u and "page_token=" not in u for u in uris) / n,
    }


json_lines = open(f"{work}/list_json.out").read().count("\n")
if json_lines != files:
    sys.exit(f"--all --json printed {json_lines} envelopes, not {files}")
list_q, list_json, targets_q = timed("list_q"), timed("list_json"), timed("targets_q")
watch_list, watch_targets = timed("watch_list"), timed("watch_targets")
# A listing poll starts with the first page (no page token); a target poll
# is one request per file.
list_polls = max(watch_list["first_pages"], 1)
target_polls = max(watch_targets["requests"] / files, 1)
for m in (list_q, list_json, targets_q, watch_list, watch_targets):
    del m["first_pages"]
watch_list.update(polls=list_polls, requests_per_poll=watch_list["requests"] / list_polls,
                  cpu_ms_per_poll=watch_list["cpu_s"] * 1e3 / list_polls)
watch_targets.update(polls=target_polls, requests_per_poll=watch_targets["requests"] / target_polls,
                     cpu_ms_per_poll=watch_targets["cpu_s"] * 1e3 / target_polls)
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
    "files_10000": {
        "listing_q": list_q, "listing_json": list_json, "targets_q": targets_q,
        "watch_listing": watch_list, "watch_targets": watch_targets,
        "cpu_per_poll_ratio": watch_targets["cpu_ms_per_poll"] / watch_list["cpu_ms_per_poll"],
    },
}
targets = {
    "oneoff ratio <= 1.10": results["oneoff_median_ms"]["ratio"] <= 1.10,
    "1,000 targets RSS <= 30 MiB": results["many_1000"]["peak_rss_mib"] <= 30,
    "1,000 targets CPU <= 0.5 s": results["many_1000"]["cpu_s"] <= 0.5,
    "watch < 1 ms CPU per poll": results["watch"]["cpu_ms_per_poll"] < 1,
    "binary <= 8 MB": results["binary"]["size_mb"] <= 8,
    "<= 10 requests per poll": list_q["requests"] <= 10 and watch_list["requests_per_poll"] <= 10,
    "10,000-file watch <= 64 MiB peak RSS": watch_list["peak_rss_mib"] <= 64,
    "collection CPU per poll < per-file CPU per poll / 4":
        watch_list["cpu_ms_per_poll"] < watch_targets["cpu_ms_per_poll"] / 4,
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
for label, m in (("10,000 files --all -q", list_q), ("10,000 files --all --json", list_json),
                 ("10,000 targets -q", targets_q)):
    rows.append((label, f'{m["requests"]:.0f} requests', f'{m["wall_s"]:.2f} s wall',
                 f'{m["cpu_s"]:.2f} s CPU  {m["peak_rss_mib"]:.1f} MiB peak RSS'))
for label, m in ((f"watch 10,000 --all {watch_seconds:.0f} s", watch_list),
                 (f"watch 10,000 targets {watch_seconds:.0f} s", watch_targets)):
    rows.append((label, f'{m["requests_per_poll"]:.0f} requests/poll', f'{m["cpu_ms_per_poll"]:.1f} ms CPU/poll',
                 f'{m["polls"]:.1f} polls  {m["peak_rss_mib"]:.1f} MiB peak RSS'))
rows.append(("CPU per poll, targets/--all", f'{r["files_10000"]["cpu_per_poll_ratio"]:.1f}x', "", ""))
print(f'{"measure":<30} {"":<20} {"":<20} {""}'.rstrip())
for row in rows:
    print(f"{row[0]:<30} {row[1]:<20} {row[2]:<20} {row[3]}".rstrip())
print()
for name, ok in targets.items():
    print(f'{"met    " if ok else "NOT MET"} {name}')
EOF
echo "(figures written to bench/results.json)" >&2
