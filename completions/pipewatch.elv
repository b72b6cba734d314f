
use builtin;
use str;

set edit:completion:arg-completer[pipewatch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'pipewatch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'pipewatch'= {
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand llama 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files'
            cand batch 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)'
            cand clarifeye 'Clarifeye pipeline runs'
            cand feldera 'Feldera pipelines and completion tokens'
            cand exporter 'Serve Prometheus probes of jobs (GET /probe) and the exporter''s own metrics (GET /metrics)'
            cand completions 'Print a shell completion script to stdout'
            cand config 'Show where the config file is, or the settings it resolves to'
            cand demo 'Watch demo jobs of every service on a built-in simulator (no network, no keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand index 'Indexes: GET /api/v1/indexes/{index_id}'
            cand batch 'Batches (v2): GET /api/v2/batches/{batch_id}'
            cand pipeline 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
            cand file 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
            cand parse 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
            cand extract 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
            cand classify 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;index'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;index;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --synced-after 'Ready only once last synced at or after then: a duration before the command started (`10m`) or an RFC 3339 time; the wait after triggering a sync'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every index of the project, from its listing (GET /api/v1/indexes)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;index;help'= {
            cand status 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;index;help;status'= {
        }
        &'pipewatch;llama;index;help;help'= {
        }
        &'pipewatch;llama;batch'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;batch;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --status 'With --all: only batches in these statuses (comma-separated): PENDING, THROTTLED, RUNNING, COMPLETED, FAILED, CANCELLED'
            cand --since 'With --all: only batches created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every batch of the project, from its listing (GET /api/v2/batches)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;batch;help'= {
            cand status 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;batch;help;status'= {
        }
        &'pipewatch;llama;batch;help;help'= {
        }
        &'pipewatch;llama;pipeline'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;pipeline;status'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --full-details 'Ask for the full details (full_details=true)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;pipeline;help'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;pipeline;help;status'= {
        }
        &'pipewatch;llama;pipeline;help;help'= {
        }
        &'pipewatch;llama;file'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;file;status'= {
            cand --pipeline 'The pipeline the files belong to'
            cand --status 'With --all: only files in these statuses (comma-separated)'
            cand --name-contains 'With --all: only files whose name contains TEXT (case-insensitive)'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every file of the pipeline, from its listing (GET /api/v1/beta/pipelines/{pipeline_id}/files)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;file;help'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;file;help;status'= {
        }
        &'pipewatch;llama;file;help;help'= {
        }
        &'pipewatch;llama;parse'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;parse;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --status 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)'
            cand --since 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;parse;help'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;parse;help;status'= {
        }
        &'pipewatch;llama;parse;help;help'= {
        }
        &'pipewatch;llama;extract'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;extract;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --status 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)'
            cand --since 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;extract;help'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;extract;help;status'= {
        }
        &'pipewatch;llama;extract;help;help'= {
        }
        &'pipewatch;llama;classify'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;classify;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --status 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)'
            cand --since 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;llama;classify;help'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;classify;help;status'= {
        }
        &'pipewatch;llama;classify;help;help'= {
        }
        &'pipewatch;llama;help'= {
            cand index 'Indexes: GET /api/v1/indexes/{index_id}'
            cand batch 'Batches (v2): GET /api/v2/batches/{batch_id}'
            cand pipeline 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
            cand file 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
            cand parse 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
            cand extract 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
            cand classify 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;llama;help;index'= {
            cand status 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all'
        }
        &'pipewatch;llama;help;index;status'= {
        }
        &'pipewatch;llama;help;batch'= {
            cand status 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all'
        }
        &'pipewatch;llama;help;batch;status'= {
        }
        &'pipewatch;llama;help;pipeline'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)'
        }
        &'pipewatch;llama;help;pipeline;status'= {
        }
        &'pipewatch;llama;help;file'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all'
        }
        &'pipewatch;llama;help;file;status'= {
        }
        &'pipewatch;llama;help;parse'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;llama;help;parse;status'= {
        }
        &'pipewatch;llama;help;extract'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;llama;help;extract;status'= {
        }
        &'pipewatch;llama;help;classify'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;llama;help;classify;status'= {
        }
        &'pipewatch;llama;help;help'= {
        }
        &'pipewatch;batch'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;batch;status'= {
            cand --organization-id 'Organization ID (default: config llama.organization_id)'
            cand --project-id 'Project ID (default: config llama.project_id)'
            cand --status 'With --all: only jobs in this status'
            cand --job-type 'With --all: only jobs of this type'
            cand --items 'After each job, list its items in STATUS (default: failed), or `all`'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every batch job of the project, from its listing (GET /api/v1/beta/batch-processing)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;batch;help'= {
            cand status 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;batch;help;status'= {
        }
        &'pipewatch;batch;help;help'= {
        }
        &'pipewatch;clarifeye'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand run 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;clarifeye;run'= {
            cand --project 'Project ID (default: config clarifeye.project_id)'
            cand --status 'With --all: only runs in these statuses (comma-separated)'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --logs 'Print each run''s raw_logs after the table'
            cand --all 'Every pipeline run of the project, from its listing (GET /api/v1/projects/{project_id}/pipeline-runs/)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;clarifeye;help'= {
            cand run 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;clarifeye;help;run'= {
        }
        &'pipewatch;clarifeye;help;help'= {
        }
        &'pipewatch;feldera'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand pipeline 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
            cand token 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;feldera;pipeline'= {
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;feldera;pipeline;status'= {
            cand --for 'What to wait for: compiled, running, paused, standby, suspended, stopped, or complete (its input processed, from /stats); default: the pipeline''s desired status at the first answer'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --all 'Every pipeline, from the listing (GET /v0/pipelines?selector=status)'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;feldera;pipeline;help'= {
            cand status 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;feldera;pipeline;help;status'= {
        }
        &'pipewatch;feldera;pipeline;help;help'= {
        }
        &'pipewatch;feldera;token'= {
            cand --connector 'Ask each input connector TABLE.CONNECTOR for a completion token first, then watch it (repeatable, or comma-separated)'
            cand --interval 'With --watch: time between polls of one target, at least 100ms [default: 2s]'
            cand --timeout 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]'
            cand --summary 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"'
            cand --metrics-file 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -w 'Poll until every target is in a terminal state'
            cand --watch 'Poll until every target is in a terminal state'
            cand --events 'With --watch: one JSON envelope per line each time a target changes'
            cand --wait-for-creation 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
            cand --json 'Machine output: one JSON envelope per target, one per line'
            cand -q 'Print nothing on stdout; the exit code is the answer'
            cand --quiet 'Print nothing on stdout; the exit code is the answer'
            cand --allow-partial 'Treat a partial success as success (exit 0 instead of 3)'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;feldera;help'= {
            cand pipeline 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
            cand token 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;feldera;help;pipeline'= {
            cand status 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all'
        }
        &'pipewatch;feldera;help;pipeline;status'= {
        }
        &'pipewatch;feldera;help;token'= {
        }
        &'pipewatch;feldera;help;help'= {
        }
        &'pipewatch;exporter'= {
            cand --addr 'Address to listen on; 127.0.0.1 keeps it to this machine'
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --request-timeout 'Per-request time limit [default: 30s]'
            cand --retries 'Retries of one request on a transient failure'
            cand --concurrency 'Requests in flight'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'pipewatch;completions'= {
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;config'= {
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
            cand path 'Print the config file''s path (whether or not it exists)'
            cand show 'Print the resolved settings of every service as TOML, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;config;path'= {
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;config;show'= {
            cand --base-url 'This service''s base URL for this call'
            cand --ca-cert 'Trust this extra root certificate (PEM)'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --allow-http 'Allow sending a credential over plain HTTP to a non-loopback host'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;config;help'= {
            cand path 'Print the config file''s path (whether or not it exists)'
            cand show 'Print the resolved settings of every service as TOML, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;config;help;path'= {
        }
        &'pipewatch;config;help;show'= {
        }
        &'pipewatch;config;help;help'= {
        }
        &'pipewatch;demo'= {
            cand --addr 'Address for --serve'
            cand --color 'When to use colour'
            cand --profile 'Config profile to use [env: PIPEWATCH_PROFILE]'
            cand --config 'Config file to use [env: PIPEWATCH_CONFIG]'
            cand --serve 'Keep the simulator running and print the `export` lines that point pipewatch at it'
            cand --json 'Print the demo''s results as JSON envelopes, one per line'
            cand -v 'Log each HTTP exchange to stderr, credentials redacted'
            cand --verbose 'Log each HTTP exchange to stderr, credentials redacted'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'pipewatch;help'= {
            cand llama 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files'
            cand batch 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)'
            cand clarifeye 'Clarifeye pipeline runs'
            cand feldera 'Feldera pipelines and completion tokens'
            cand exporter 'Serve Prometheus probes of jobs (GET /probe) and the exporter''s own metrics (GET /metrics)'
            cand completions 'Print a shell completion script to stdout'
            cand config 'Show where the config file is, or the settings it resolves to'
            cand demo 'Watch demo jobs of every service on a built-in simulator (no network, no keys)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'pipewatch;help;llama'= {
            cand index 'Indexes: GET /api/v1/indexes/{index_id}'
            cand batch 'Batches (v2): GET /api/v2/batches/{batch_id}'
            cand pipeline 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
            cand file 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
            cand parse 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
            cand extract 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
            cand classify 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
        }
        &'pipewatch;help;llama;index'= {
            cand status 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all'
        }
        &'pipewatch;help;llama;index;status'= {
        }
        &'pipewatch;help;llama;batch'= {
            cand status 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all'
        }
        &'pipewatch;help;llama;batch;status'= {
        }
        &'pipewatch;help;llama;pipeline'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)'
        }
        &'pipewatch;help;llama;pipeline;status'= {
        }
        &'pipewatch;help;llama;file'= {
            cand status 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all'
        }
        &'pipewatch;help;llama;file;status'= {
        }
        &'pipewatch;help;llama;parse'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;help;llama;parse;status'= {
        }
        &'pipewatch;help;llama;extract'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;help;llama;extract;status'= {
        }
        &'pipewatch;help;llama;classify'= {
            cand status 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all'
        }
        &'pipewatch;help;llama;classify;status'= {
        }
        &'pipewatch;help;batch'= {
            cand status 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
        }
        &'pipewatch;help;batch;status'= {
        }
        &'pipewatch;help;clarifeye'= {
            cand run 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all'
        }
        &'pipewatch;help;clarifeye;run'= {
        }
        &'pipewatch;help;feldera'= {
            cand pipeline 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
            cand token 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
        }
        &'pipewatch;help;feldera;pipeline'= {
            cand status 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all'
        }
        &'pipewatch;help;feldera;pipeline;status'= {
        }
        &'pipewatch;help;feldera;token'= {
        }
        &'pipewatch;help;exporter'= {
        }
        &'pipewatch;help;completions'= {
        }
        &'pipewatch;help;config'= {
            cand path 'Print the config file''s path (whether or not it exists)'
            cand show 'Print the resolved settings of every service as TOML, secrets redacted'
        }
        &'pipewatch;help;config;path'= {
        }
        &'pipewatch;help;config;show'= {
        }
        &'pipewatch;help;demo'= {
        }
        &'pipewatch;help;help'= {
        }
    ]
    $completions[$command]
}
