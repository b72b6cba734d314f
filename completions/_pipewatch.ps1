
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'pipewatch' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'pipewatch'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'pipewatch' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('llama', 'llama', [CompletionResultType]::ParameterValue, 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)')
            [CompletionResult]::new('clarifeye', 'clarifeye', [CompletionResultType]::ParameterValue, 'Clarifeye pipeline runs')
            [CompletionResult]::new('feldera', 'feldera', [CompletionResultType]::ParameterValue, 'Feldera pipelines and completion tokens')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'Serve Prometheus probes of jobs (GET /probe) and the exporter''s own metrics (GET /metrics)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show where the config file is, or the settings it resolves to')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Watch demo jobs of every service on a built-in simulator (no network, no keys)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Indexes: GET /api/v1/indexes/{index_id}')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Batches (v2): GET /api/v2/batches/{batch_id}')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Ingestion status of managed pipelines (deprecated: use `llama index`)')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Ingestion status of files in a pipeline (deprecated: use `llama index`)')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Parse jobs (v2): GET /api/v2/parse/{job_id}')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Extract jobs (v2): GET /api/v2/extract/{job_id}')
            [CompletionResult]::new('classify', 'classify', [CompletionResultType]::ParameterValue, 'Classify jobs (v2): GET /api/v2/classify/{job_id}')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;index' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;index;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--synced-after', '--synced-after', [CompletionResultType]::ParameterName, 'Ready only once last synced at or after then: a duration before the command started (`10m`) or an RFC 3339 time; the wait after triggering a sync')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every index of the project, from its listing (GET /api/v1/indexes)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;index;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;index;help;status' {
            break
        }
        'pipewatch;llama;index;help;help' {
            break
        }
        'pipewatch;llama;batch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;batch;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only batches in these statuses (comma-separated): PENDING, THROTTLED, RUNNING, COMPLETED, FAILED, CANCELLED')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --all: only batches created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every batch of the project, from its listing (GET /api/v2/batches)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;batch;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;batch;help;status' {
            break
        }
        'pipewatch;llama;batch;help;help' {
            break
        }
        'pipewatch;llama;pipeline' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;pipeline;status' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--full-details', '--full-details', [CompletionResultType]::ParameterName, 'Ask for the full details (full_details=true)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;pipeline;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;pipeline;help;status' {
            break
        }
        'pipewatch;llama;pipeline;help;help' {
            break
        }
        'pipewatch;llama;file' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;file;status' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'The pipeline the files belong to')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only files in these statuses (comma-separated)')
            [CompletionResult]::new('--name-contains', '--name-contains', [CompletionResultType]::ParameterName, 'With --all: only files whose name contains TEXT (case-insensitive)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every file of the pipeline, from its listing (GET /api/v1/beta/pipelines/{pipeline_id}/files)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;file;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;file;help;status' {
            break
        }
        'pipewatch;llama;file;help;help' {
            break
        }
        'pipewatch;llama;parse' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;parse;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;parse;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;parse;help;status' {
            break
        }
        'pipewatch;llama;parse;help;help' {
            break
        }
        'pipewatch;llama;extract' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;extract;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;extract;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;extract;help;status' {
            break
        }
        'pipewatch;llama;extract;help;help' {
            break
        }
        'pipewatch;llama;classify' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;classify;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;llama;classify;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;classify;help;status' {
            break
        }
        'pipewatch;llama;classify;help;help' {
            break
        }
        'pipewatch;llama;help' {
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Indexes: GET /api/v1/indexes/{index_id}')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Batches (v2): GET /api/v2/batches/{batch_id}')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Ingestion status of managed pipelines (deprecated: use `llama index`)')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Ingestion status of files in a pipeline (deprecated: use `llama index`)')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Parse jobs (v2): GET /api/v2/parse/{job_id}')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Extract jobs (v2): GET /api/v2/extract/{job_id}')
            [CompletionResult]::new('classify', 'classify', [CompletionResultType]::ParameterValue, 'Classify jobs (v2): GET /api/v2/classify/{job_id}')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;llama;help;index' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all')
            break
        }
        'pipewatch;llama;help;index;status' {
            break
        }
        'pipewatch;llama;help;batch' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all')
            break
        }
        'pipewatch;llama;help;batch;status' {
            break
        }
        'pipewatch;llama;help;pipeline' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)')
            break
        }
        'pipewatch;llama;help;pipeline;status' {
            break
        }
        'pipewatch;llama;help;file' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all')
            break
        }
        'pipewatch;llama;help;file;status' {
            break
        }
        'pipewatch;llama;help;parse' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;llama;help;parse;status' {
            break
        }
        'pipewatch;llama;help;extract' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;llama;help;extract;status' {
            break
        }
        'pipewatch;llama;help;classify' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;llama;help;classify;status' {
            break
        }
        'pipewatch;llama;help;help' {
            break
        }
        'pipewatch;batch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;batch;status' {
            [CompletionResult]::new('--organization-id', '--organization-id', [CompletionResultType]::ParameterName, 'Organization ID (default: config llama.organization_id)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (default: config llama.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only jobs in this status')
            [CompletionResult]::new('--job-type', '--job-type', [CompletionResultType]::ParameterName, 'With --all: only jobs of this type')
            [CompletionResult]::new('--items', '--items', [CompletionResultType]::ParameterName, 'After each job, list its items in STATUS (default: failed), or `all`')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every batch job of the project, from its listing (GET /api/v1/beta/batch-processing)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;batch;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;batch;help;status' {
            break
        }
        'pipewatch;batch;help;help' {
            break
        }
        'pipewatch;clarifeye' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;clarifeye;run' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project ID (default: config clarifeye.project_id)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --all: only runs in these statuses (comma-separated)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--logs', '--logs', [CompletionResultType]::ParameterName, 'Print each run''s raw_logs after the table')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every pipeline run of the project, from its listing (GET /api/v1/projects/{project_id}/pipeline-runs/)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;clarifeye;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;clarifeye;help;run' {
            break
        }
        'pipewatch;clarifeye;help;help' {
            break
        }
        'pipewatch;feldera' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'GET /v0/pipelines/{pipeline_name}/completion_status?token=')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;feldera;pipeline' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;feldera;pipeline;status' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'What to wait for: compiled, running, paused, standby, suspended, stopped, or complete (its input processed, from /stats); default: the pipeline''s desired status at the first answer')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every pipeline, from the listing (GET /v0/pipelines?selector=status)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;feldera;pipeline;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;feldera;pipeline;help;status' {
            break
        }
        'pipewatch;feldera;pipeline;help;help' {
            break
        }
        'pipewatch;feldera;token' {
            [CompletionResult]::new('--connector', '--connector', [CompletionResultType]::ParameterName, 'Ask each input connector TABLE.CONNECTOR for a completion token first, then watch it (repeatable, or comma-separated)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: time between polls of one target, at least 100ms [default: 2s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter''s textfile collector')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Poll until every target is in a terminal state')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'With --watch: one JSON envelope per line each time a target changes')
            [CompletionResult]::new('--wait-for-creation', '--wait-for-creation', [CompletionResultType]::ParameterName, 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output: one JSON envelope per target, one per line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout; the exit code is the answer')
            [CompletionResult]::new('--allow-partial', '--allow-partial', [CompletionResultType]::ParameterName, 'Treat a partial success as success (exit 0 instead of 3)')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;feldera;help' {
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'GET /v0/pipelines/{pipeline_name}/completion_status?token=')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;feldera;help;pipeline' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all')
            break
        }
        'pipewatch;feldera;help;pipeline;status' {
            break
        }
        'pipewatch;feldera;help;token' {
            break
        }
        'pipewatch;feldera;help;help' {
            break
        }
        'pipewatch;exporter' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on; 127.0.0.1 keeps it to this machine')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Per-request time limit [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of one request on a transient failure')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'pipewatch;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;config' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved settings of every service as TOML, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;config;path' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;config;show' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'This service''s base URL for this call')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this extra root certificate (PEM)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow sending a credential over plain HTTP to a non-loopback host')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved settings of every service as TOML, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;config;help;path' {
            break
        }
        'pipewatch;config;help;show' {
            break
        }
        'pipewatch;config;help;help' {
            break
        }
        'pipewatch;demo' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address for --serve')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Config profile to use [env: PIPEWATCH_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use [env: PIPEWATCH_CONFIG]')
            [CompletionResult]::new('--serve', '--serve', [CompletionResultType]::ParameterName, 'Keep the simulator running and print the `export` lines that point pipewatch at it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the demo''s results as JSON envelopes, one per line')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr, credentials redacted')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'pipewatch;help' {
            [CompletionResult]::new('llama', 'llama', [CompletionResultType]::ParameterValue, 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)')
            [CompletionResult]::new('clarifeye', 'clarifeye', [CompletionResultType]::ParameterValue, 'Clarifeye pipeline runs')
            [CompletionResult]::new('feldera', 'feldera', [CompletionResultType]::ParameterValue, 'Feldera pipelines and completion tokens')
            [CompletionResult]::new('exporter', 'exporter', [CompletionResultType]::ParameterValue, 'Serve Prometheus probes of jobs (GET /probe) and the exporter''s own metrics (GET /metrics)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show where the config file is, or the settings it resolves to')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Watch demo jobs of every service on a built-in simulator (no network, no keys)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'pipewatch;help;llama' {
            [CompletionResult]::new('index', 'index', [CompletionResultType]::ParameterValue, 'Indexes: GET /api/v1/indexes/{index_id}')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Batches (v2): GET /api/v2/batches/{batch_id}')
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Ingestion status of managed pipelines (deprecated: use `llama index`)')
            [CompletionResult]::new('file', 'file', [CompletionResultType]::ParameterValue, 'Ingestion status of files in a pipeline (deprecated: use `llama index`)')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Parse jobs (v2): GET /api/v2/parse/{job_id}')
            [CompletionResult]::new('extract', 'extract', [CompletionResultType]::ParameterValue, 'Extract jobs (v2): GET /api/v2/extract/{job_id}')
            [CompletionResult]::new('classify', 'classify', [CompletionResultType]::ParameterValue, 'Classify jobs (v2): GET /api/v2/classify/{job_id}')
            break
        }
        'pipewatch;help;llama;index' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of indexes by ID (ready or failed, from their metadata), or the project''s indexes with --all')
            break
        }
        'pipewatch;help;llama;index;status' {
            break
        }
        'pipewatch;help;llama;batch' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of v2 batches by ID, with progress from their files'' jobs, or the project''s batches with --all')
            break
        }
        'pipewatch;help;llama;batch;status' {
            break
        }
        'pipewatch;help;llama;pipeline' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files'' status counts, for progress)')
            break
        }
        'pipewatch;help;llama;pipeline;status' {
            break
        }
        'pipewatch;help;llama;file' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline''s file listing with --all')
            break
        }
        'pipewatch;help;llama;file;status' {
            break
        }
        'pipewatch;help;llama;parse' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;help;llama;parse;status' {
            break
        }
        'pipewatch;help;llama;extract' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;help;llama;extract;status' {
            break
        }
        'pipewatch;help;llama;classify' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Status of jobs by ID (many at once through the listing''s job_ids filter), or the project''s jobs with --all')
            break
        }
        'pipewatch;help;llama;classify;status' {
            break
        }
        'pipewatch;help;batch' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all')
            break
        }
        'pipewatch;help;batch;status' {
            break
        }
        'pipewatch;help;clarifeye' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project''s runs with --all')
            break
        }
        'pipewatch;help;clarifeye;run' {
            break
        }
        'pipewatch;help;feldera' {
            [CompletionResult]::new('pipeline', 'pipeline', [CompletionResultType]::ParameterValue, 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'GET /v0/pipelines/{pipeline_name}/completion_status?token=')
            break
        }
        'pipewatch;help;feldera;pipeline' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all')
            break
        }
        'pipewatch;help;feldera;pipeline;status' {
            break
        }
        'pipewatch;help;feldera;token' {
            break
        }
        'pipewatch;help;exporter' {
            break
        }
        'pipewatch;help;completions' {
            break
        }
        'pipewatch;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (whether or not it exists)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the resolved settings of every service as TOML, secrets redacted')
            break
        }
        'pipewatch;help;config;path' {
            break
        }
        'pipewatch;help;config;show' {
            break
        }
        'pipewatch;help;demo' {
            break
        }
        'pipewatch;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
