#!/usr/bin/env bash
# A real Prometheus reading pipewatch's series, with the alerting rules and
# the Grafana dashboard of monitoring/ (docs/monitoring.md), offline, in
# about half a minute:
#   0. `promtool check rules` and `promtool test rules` on monitoring/;
#   1. `pipewatch demo --serve`: the simulator of every API on 127.0.0.1;
#   2. `pipewatch exporter` pointed at it;
#   3. two commands' --metrics-file in one directory, read by Debian's
#      `prometheus-node-exporter` (its textfile collector only);
#   4. Debian's `prometheus` (installed with apt-get when missing) scraping
#      the exporter with scripts/prometheus/prometheus.yml, and the node
#      exporter, and evaluating monitoring/pipewatch-rules.yml, every 2 s;
# then it asks Prometheus' HTTP API what it read, prints it, checks that a
# failed pipeline reads state="failed" 1 and a collection its per-state
# file counts, that every panel's query of monitoring/grafana-dashboard.json
# returns data and that PipewatchTargetFailed fires for the failed pipeline
# (and for no other), that the two metrics files reach Prometheus side by
# side (no series twice: each run's own series carry its `subject`), and
# runs `promtool check metrics` on a probe's answer, in both text formats,
# and on a --metrics-file. Everything it starts is stopped when it ends.
# `cargo test` never needs any of this.
#
#   scripts/prometheus-demo.sh                 # builds target/release/pipewatch
#   PIPEWATCH=path/to/pipewatch scripts/prometheus-demo.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$(mktemp -d)"
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

node_exporter=prometheus-node-exporter
if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null ||
    ! command -v "$node_exporter" >/dev/null; then
    echo "==> installing Debian's prometheus and prometheus-node-exporter packages"
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        prometheus prometheus-node-exporter >/dev/null
fi
started=$(date +%s.%N)
echo "==> promtool check rules, promtool test rules (monitoring/)"
promtool check rules "$root/monitoring/pipewatch-rules.yml"
promtool test rules "$root/monitoring/pipewatch-rules.test.yml"

if [ -z "${PIPEWATCH:-}" ]; then
    echo "==> building pipewatch (release)"
    (cd "$root" && cargo build --release --locked --quiet)
    PIPEWATCH="$root/target/release/pipewatch"
fi

# A free port on 127.0.0.1, from $1 up.
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}
# Wait until $1 answers.
wait_for() {
    for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
    echo "error: $1 does not answer" >&2; return 1
}

echo "==> pipewatch demo --serve"
sim_port=$(free_port 18765)
"$PIPEWATCH" demo --serve --addr "127.0.0.1:$sim_port" >"$work/demo.env" 2>"$work/demo.log" &
pids+=($!)
for _ in $(seq 100); do grep -q FELDERA_HOST "$work/demo.env" 2>/dev/null && break; sleep 0.1; done
# shellcheck disable=SC1091
set -a; . "$work/demo.env"; set +a

echo "==> pipewatch exporter"
exporter_port=$(free_port 19464)
exporter="127.0.0.1:$exporter_port"
"$PIPEWATCH" exporter --addr "$exporter" 2>"$work/exporter.log" &
pids+=($!)
wait_for "http://$exporter/metrics"

echo "==> two commands' --metrics-file in one directory, read by node_exporter's textfile collector"
# docs/prometheus.md's cron recipe, for two commands: the first names a job
# twice (one series each), the second a pipeline that does not exist (a
# failed run, told apart by its subject).
mkdir -p "$work/textfile"
"$PIPEWATCH" batch status nightly-ok nightly-running nightly-ok -q \
    --metrics-file "$work/textfile/pipewatch_batch.prom" || true
"$PIPEWATCH" llama pipeline status docs-ok docs-notfound -q \
    --metrics-file "$work/textfile/pipewatch_pipelines.prom" || true
node_port=$(free_port 19100)
"$node_exporter" --collector.disable-defaults --collector.textfile \
    --collector.textfile.directory="$work/textfile" \
    --web.listen-address="127.0.0.1:$node_port" >"$work/node_exporter.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$node_port/metrics"
curl -fs "http://127.0.0.1:$node_port/metrics" >"$work/node.prom"
echo "node_exporter at 127.0.0.1:$node_port reads:"
grep '^pipewatch_probe\|^node_textfile_scrape_error' "$work/node.prom" | sed 's/^/  /'

echo "==> prometheus, scraping and evaluating its rules every 2 s"
prom_port=$(free_port 19090)
sed -e "s/127.0.0.1:9464/$exporter/" -e 's/_interval: 30s/_interval: 2s/' \
    -e 's/scrape_timeout: 10s /scrape_timeout: 2s  /' \
    "$here/prometheus/prometheus.yml" >"$work/prometheus.yml"
cat >>"$work/prometheus.yml" <<EOF

  # node_exporter's textfile collector: the --metrics-file of two commands.
  - job_name: node
    static_configs:
      - targets: [127.0.0.1:$node_port]
EOF
cp "$root/monitoring/pipewatch-rules.yml" "$work/"
promtool check config "$work/prometheus.yml" >/dev/null
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$prom_port/-/ready"

query() {
    curl -fsG "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1"
}
# One line per series: {labels} value.
series() {
    query "$1" | sed -e 's/{"metric":/\n/g' -e 's/},"value":\[[0-9.]*,"\([^"]*\)"\]}/} \1\n/g' |
        grep '^{"__name__\|^{"[a-z_]*":' | grep -v '^{"status"' | sort || true
}
echo "==> waiting for a few scrapes"
for _ in $(seq 60); do
    [ -n "$(series 'pipewatch_collection_items')" ] && [ -n "$(series 'pipewatch_target_state')" ] && break
    sleep 0.5
done
sleep 3
echo "scrapes (health, last error):"
curl -fs "http://127.0.0.1:$prom_port/api/v1/targets" |
    grep -o '"scrapeUrl":"[^"]*"\|"lastError":"[^"]*"\|"health":"[^"]*"' | paste - - - | sed 's/"//g'

echo
echo "What Prometheus reads (http://127.0.0.1:$prom_port):"
echo
echo '$ pipewatch_target_state == 1'
series 'pipewatch_target_state == 1'
echo
echo '$ pipewatch_collection_items'
series 'pipewatch_collection_items'
echo
echo '$ pipewatch_probe_success'
series 'pipewatch_probe_success'
echo
echo '$ process_resident_memory_bytes{job="pipewatch-exporter"}'
series 'process_resident_memory_bytes{job="pipewatch-exporter"}'

fail=0
series 'pipewatch_target_state{target="docs-failed",state="failed"}' | grep -q '} 1$' ||
    { echo "FAILED: docs-failed does not read state=\"failed\" 1"; fail=1; }
series 'pipewatch_collection_items{collection="docs-items40-failed/*",state="failed"}' | grep -q '} 4$' ||
    { echo "FAILED: the collection does not read 4 failed files"; fail=1; }
series 'pipewatch_collection_items{collection="docs-items40-failed/*",state="succeeded"}' | grep -q '} 36$' ||
    { echo "FAILED: the collection does not read 36 succeeded files"; fail=1; }

echo
echo '$ pipewatch_probe_success{job="node"}    # two metrics files, one textfile directory'
series 'pipewatch_probe_success{job="node"}'
grep -q '^node_textfile_scrape_error 0$' "$work/node.prom" ||
    { echo "FAILED: node_exporter's textfile collector could not read the files"; fail=1; }
if grep -q 'collected before' "$work/node.prom" "$work/node_exporter.log"; then
    echo "FAILED: node_exporter refused a series found twice"; fail=1
fi
[ "$(grep -c '^pipewatch_target_state{.*target="nightly-ok"' "$work/node.prom")" = 7 ] ||
    { echo "FAILED: nightly-ok, named twice, is not one set of 7 state series"; fail=1; }
[ "$(series 'pipewatch_probe_duration_seconds{job="node"}' | grep -c subject)" = 2 ] ||
    { echo "FAILED: Prometheus does not read each run's duration with its subject"; fail=1; }
series 'pipewatch_probe_success{job="node"} == 0' |
    grep -q '"subject":"llama.pipeline docs-ok docs-notfound"' ||
    { echo "FAILED: the failed run is not told apart by its subject"; fail=1; }

echo
echo "==> monitoring/grafana-dashboard.json: every panel's query, as Grafana asks it (service: All)"
# Until every panel has data and the alert fires (rules run every 2 s), 30 s at most.
panels() {
    python3 - "$root/monitoring/grafana-dashboard.json" "http://127.0.0.1:$prom_port" <<'PY'
import json, sys, urllib.parse, urllib.request
dashboard, prometheus = sys.argv[1], sys.argv[2]
empty = 0
for panel in json.load(open(dashboard))["panels"]:
    for target in panel.get("targets", []):
        # The dashboard's variables as Grafana fills them with "All".
        expr = target["expr"].replace("${service}", ".*").replace("$service", ".*")
        url = prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        result = json.load(urllib.request.urlopen(url))["data"]["result"]
        empty += not result
        print(f"  {panel['title']:32} {len(result):3} series  {expr}")
sys.exit(1 if empty else 0)
PY
}
for _ in $(seq 30); do
    panels >"$work/panels.txt" 2>&1 &&
        [ -n "$(series 'ALERTS{alertname="PipewatchTargetFailed",alertstate="firing"}')" ] && break
    sleep 1
done
cat "$work/panels.txt"
panels >/dev/null 2>&1 || { echo "FAILED: a panel's query returns no data"; fail=1; }

echo
echo '$ ALERTS{alertstate="firing"}'
series 'ALERTS{alertstate="firing"}'
firing="$(series 'ALERTS{alertname="PipewatchTargetFailed",alertstate="firing"}')"
echo "$firing" | grep -q '"target":"docs-failed"' ||
    { echo "FAILED: PipewatchTargetFailed does not fire for docs-failed"; fail=1; }
[ "$(echo "$firing" | grep -c .)" = 1 ] ||
    { echo "FAILED: PipewatchTargetFailed fires for more than docs-failed"; fail=1; }
series 'ALERTS{alertname="PipewatchCollectionFailedItems",alertstate="firing"}' | grep -q 'docs-items40-failed' ||
    { echo "FAILED: PipewatchCollectionFailedItems does not fire for docs-items40-failed/*"; fail=1; }

echo
echo "==> promtool check metrics"
openmetrics="Accept: application/openmetrics-text; version=1.0.0"
for probe in "service=llama.file&pipeline_id=docs-items40-failed&all=1" \
    "service=llama.pipeline&pipeline_id=docs-failed" "service=batch&job_id=nightly-notfound"; do
    for accept in "$openmetrics" "Accept: text/plain; version=0.0.4"; do
        curl -fs -H "$accept" "http://$exporter/probe?$probe" >"$work/probe.prom"
        promtool check metrics <"$work/probe.prom" &&
            echo "/probe?$probe ($accept): promtool check metrics passed" ||
            { echo "FAILED: promtool check metrics on /probe?$probe ($accept)"; fail=1; }
    done
done
# The text format 0.0.4, which promtool reads, names a counter with its
# sample: /metrics passes too.
curl -fs "http://$exporter/metrics" >"$work/metrics.prom"
promtool check metrics <"$work/metrics.prom" && echo "/metrics (text 0.0.4): promtool check metrics passed" ||
    { echo "FAILED: promtool check metrics on /metrics"; fail=1; }
code=0
"$PIPEWATCH" batch status nightly-failed nightly-running -q --metrics-file "$work/job.prom" || code=$?
promtool check metrics <"$work/job.prom" &&
    echo "--metrics-file of 'batch status' (exit $code): promtool check metrics passed" ||
    { echo "FAILED: promtool check metrics on a --metrics-file"; fail=1; }

echo
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
[ "$fail" = 0 ] && echo "OK: Prometheus reads what pipewatch knows; every panel has data; the failed pipeline's alert fires ($elapsed s)." || exit 1
