#!/usr/bin/env bash
# What waiting costs the server, per poll (CONTRACT §16):
#   1. a Feldera pipeline compiled, started and run to the end of its input,
#      watched by `pipewatch feldera pipeline status --for complete` and, in
#      the same run, waited for by Feldera's Python SDK (PyPI `feldera`,
#      installed into a throwaway virtual environment):
#      `Pipeline.get`, `wait_for_status(RUNNING)`, `wait_for_completion()`;
#   2. the same with an input that fails for good: who notices;
#   3. a LlamaCloud v2 batch of 500 files, watched: 1 + ceil(500/50) = 11
#      requests at the first poll, fewer as its files' jobs end.
# The server is pipewatch's own simulator (`demo --serve`); a small proxy
# in front of it counts every request and response body byte per client
# (by User-Agent), so both clients are measured the same way.
#
# Usage: bench/watch_cost.sh [--seconds N]   (default 20: the pipeline's and
# the batch's life). Needs python3 with venv, and PyPI for `feldera`.
set -euo pipefail

seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo build --release --locked >&2
bin="$root/target/release/pipewatch"
work="$(mktemp -d)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q feldera >&2
sdk_version=$("$work/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("feldera"))')

sim_port=$((20000 + RANDOM % 10000))
proxy_port=$((30000 + RANDOM % 10000))
"$bin" demo --serve --addr "127.0.0.1:$sim_port" >"$work/serve.out" 2>&1 &
sim=$!

# The counting proxy: every request forwarded as it came, its answer
# returned as it came; GET /__log hands over what it saw.
cat >"$work/proxy.py" <<'EOF'
import http.client, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

upstream, port = sys.argv[1], int(sys.argv[2])
log, lock, start = [], threading.Lock(), time.monotonic()

class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        if self.path == "/__log":
            body = json.dumps(log).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        conn = http.client.HTTPConnection(upstream, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        conn.request("GET", self.path, headers=headers)
        answer = conn.getresponse()
        body = answer.read()
        with lock:
            log.append({"at": time.monotonic() - start, "ua": self.headers.get("User-Agent", ""),
                        "path": self.path, "status": answer.status, "bytes": len(body)})
        self.send_response(answer.status)
        for k, v in answer.getheaders():
            if k.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

ThreadingHTTPServer(("127.0.0.1", port), Proxy).serve_forever()
EOF
"$work/venv/bin/python" "$work/proxy.py" "127.0.0.1:$sim_port" "$proxy_port" &
proxy=$!
trap 'kill $sim $proxy 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

# Feldera's SDK waiting for a pipeline someone started: as its docs show.
cat >"$work/sdk.py" <<'EOF'
import sys, time
from feldera import FelderaClient, Pipeline
from feldera.enums import PipelineStatus
url, name, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
client = FelderaClient(url)
pipeline = Pipeline.get(name, client)
pipeline.wait_for_status(PipelineStatus.RUNNING, timeout=limit)
pipeline.wait_for_completion(timeout_s=limit)
print("complete")
EOF

export FELDERA_HOST="http://127.0.0.1:$proxy_port"
export LLAMA_CLOUD_BASE_URL="http://127.0.0.1:$proxy_port" LLAMA_CLOUD_API_KEY=bench-key

# run NAME LIMIT: pipewatch and the SDK wait for pipeline NAME at once,
# each for LIMIT seconds at most; their exit codes and wall times go to
# $work/NAME.{pw,sdk}.
run_both() {
  local name="$1" limit="$2"
  ( code=0; /usr/bin/time -f '%e %U %S %M' -o "$work/$name.pw.time" "$bin" feldera pipeline status "$name" \
      --for complete --watch --interval 1s --timeout "${limit}s" -q || code=$?; echo $code >"$work/$name.pw" ) &
  local pw=$!
  ( code=0; /usr/bin/time -f '%e %U %S %M' -o "$work/$name.sdk.time" "$work/venv/bin/python" "$work/sdk.py" \
      "$FELDERA_HOST" "$name" "$limit" >/dev/null 2>"$work/$name.sdk.err" || code=$?; echo $code >"$work/$name.sdk" ) &
  local sdk=$!
  wait $pw $sdk || true
}

echo "== 1. pipeline to completion, ${seconds}s: pipewatch and the SDK at once" >&2
name="bench-complete-${seconds}s"
run_both "$name" $((seconds + 30))
echo "== 2. the same with an input that fails for good" >&2
fatal="bench-complete-fatal-${seconds}s"
run_both "$fatal" $((seconds + 10))
echo "== 3. a v2 batch of 500 files, watched to its end" >&2
batch="bench-ok-${seconds}s-items500"
/usr/bin/time -f '%e %U %S %M' -o "$work/batch.time" "$bin" llama batch status "$batch" \
  --watch --interval 1s --timeout $((seconds + 30))s -q || true

curl -s "http://127.0.0.1:$proxy_port/__log" >"$work/log.json"
"$work/venv/bin/python" - "$work" "$name" "$fatal" "$batch" "$seconds" "$sdk_version" <<'EOF'
import json, sys
work, name, fatal, batch, seconds, sdk_version = sys.argv[1:7]
log = json.load(open(f"{work}/log.json"))
def times(f):
    wall, user, sys_, rss = open(f).read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss)
def who(ua):
    return "pipewatch" if ua.startswith("pipewatch") else "sdk"
def feldera(pipeline):
    rows = {}
    for tool in ("pipewatch", "sdk"):
        mine = [r for r in log if who(r["ua"]) == tool and f"/v0/pipelines/{pipeline}" in r["path"]]
        setup = [r for r in log if who(r["ua"]) == tool and r["path"].startswith("/v0/config")] if pipeline == name else []
        # A poll: pipewatch's selector=status request; the SDK's loop, one
        # request an iteration (its status, or its /stats), after its first get.
        if tool == "pipewatch":
            polls = sum(1 for r in mine if "selector=status" in r["path"])
        else:
            polls = sum(1 for r in mine if "selector=all" not in r["path"])
        stats = sum(1 for r in mine if r["path"].endswith("/stats"))
        code = open(f"{work}/{pipeline}.{'pw' if tool == 'pipewatch' else 'sdk'}").read().strip()
        wall, cpu, rss = times(f"{work}/{pipeline}.{'pw' if tool == 'pipewatch' else 'sdk'}.time")
        total = sum(r["bytes"] for r in mine + setup)
        rows[tool] = {"requests": len(mine) + len(setup), "stats_requests": stats, "polls": polls,
                      "bytes": total, "requests_per_poll": (len(mine) + len(setup)) / max(polls, 1),
                      "bytes_per_poll": total / max(polls, 1), "exit": int(code), "wall_s": wall,
                      "cpu_s": cpu, "peak_rss_kib": rss}
    return rows
one, two = feldera(name), feldera(fatal)
# The batch: its polls start at each request for the batch itself.
polls = []
for r in log:
    if f"/api/v2/batches/{batch}" in r["path"]:
        polls.append({"requests": 1, "bytes": r["bytes"]})
    elif r["path"].startswith("/api/v2/parse") and polls:
        polls[-1]["requests"] += 1
        polls[-1]["bytes"] += r["bytes"]
bwall, bcpu, brss = times(f"{work}/batch.time")
result = {"seconds": int(seconds), "feldera_sdk": sdk_version, "pipeline": one, "fatal_input": two,
          "batch_500": {"polls": len(polls), "requests": [p["requests"] for p in polls],
                        "bytes": [p["bytes"] for p in polls], "wall_s": bwall, "cpu_s": bcpu,
                        "peak_rss_kib": brss}}
json.dump(result, open("bench/watch_cost.json", "w"), indent=1)
print(f"Feldera pipeline {name} (compiles, runs from 40%, input complete at {seconds} s); feldera {sdk_version}")
print(f"{'':22}{'requests':>9}{'/stats':>8}{'polls':>7}{'req/poll':>10}{'bytes':>10}{'bytes/poll':>12}{'exit':>6}{'wall s':>8}{'CPU s':>7}{'RSS MiB':>9}")
for label, rows in (("to completion", one), ("fatal input", two)):
    for tool, r in rows.items():
        print(f"{label + ' ' + tool:22}{r['requests']:>9}{r['stats_requests']:>8}{r['polls']:>7}"
              f"{r['requests_per_poll']:>10.2f}{r['bytes']:>10}{r['bytes_per_poll']:>12.0f}{r['exit']:>6}"
              f"{r['wall_s']:>8.1f}{r['cpu_s']:>7.2f}{r['peak_rss_kib'] / 1024:>9.1f}")
b = result["batch_500"]
print(f"v2 batch of 500 files {batch}: {b['polls']} polls, requests a poll {b['requests']}, "
      f"bytes a poll first {b['bytes'][0]} last {b['bytes'][-1]}; {b['wall_s']:.1f} s wall, "
      f"{b['cpu_s']:.2f} s CPU, {b['peak_rss_kib'] / 1024:.1f} MiB peak RSS")
EOF
