# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_pipewatch_global_optspecs
    string join \n v/verbose color= profile= config= w/watch interval= timeout= events wait-for-creation json q/quiet allow-partial summary= metrics-file= base-url= allow-http ca-cert= request-timeout= retries= concurrency= h/help V/version
end

function __fish_pipewatch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_pipewatch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_pipewatch_using_subcommand
    set -l cmd (__fish_pipewatch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c pipewatch -n "__fish_pipewatch_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_needs_command" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -s V -l version -d 'Print version'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "llama" -d 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "batch" -d 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "clarifeye" -d 'Clarifeye pipeline runs'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "feldera" -d 'Feldera pipelines and completion tokens'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "exporter" -d 'Serve Prometheus probes of jobs (GET /probe) and the exporter\'s own metrics (GET /metrics)'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "config" -d 'Show where the config file is, or the settings it resolves to'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "demo" -d 'Watch demo jobs of every service on a built-in simulator (no network, no keys)'
complete -c pipewatch -n "__fish_pipewatch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "index" -d 'Indexes: GET /api/v1/indexes/{index_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "batch" -d 'Batches (v2): GET /api/v2/batches/{batch_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "pipeline" -d 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "file" -d 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "parse" -d 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "extract" -d 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "classify" -d 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and not __fish_seen_subcommand_from index batch pipeline file parse extract classify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -f -a "status" -d 'Status of indexes by ID (ready or failed, from their metadata), or the project\'s indexes with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from index" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -f -a "status" -d 'Status of v2 batches by ID, with progress from their files\' jobs, or the project\'s batches with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from batch" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -f -a "status" -d 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/status (and its files\' status counts, for progress)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from pipeline" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -f -a "status" -d 'Deprecated by LlamaCloud, whose indexes replace pipelines: use `pipewatch llama index status`. GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline\'s file listing with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from file" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -f -a "status" -d 'Status of jobs by ID (many at once through the listing\'s job_ids filter), or the project\'s jobs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from parse" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -f -a "status" -d 'Status of jobs by ID (many at once through the listing\'s job_ids filter), or the project\'s jobs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from extract" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -f -a "status" -d 'Status of jobs by ID (many at once through the listing\'s job_ids filter), or the project\'s jobs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from classify" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "index" -d 'Indexes: GET /api/v1/indexes/{index_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "batch" -d 'Batches (v2): GET /api/v2/batches/{batch_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "pipeline" -d 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "file" -d 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "parse" -d 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "extract" -d 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "classify" -d 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand llama; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -f -a "status" -d 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and not __fish_seen_subcommand_from status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l organization-id -d 'Organization ID (default: config llama.organization_id)' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l project-id -d 'Project ID (default: config llama.project_id)' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l status -d 'With --all: only jobs in this status' -r -f -a "pending\t''
running\t''
dispatched\t''
completed\t''
failed\t''
cancelled\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l job-type -d 'With --all: only jobs of this type' -r -f -a "parse\t''
extract\t''
classify\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l items -d 'After each job, list its items in STATUS (default: failed), or `all`' -r -f -a "pending\t''
processing\t''
completed\t''
failed\t''
skipped\t''
cancelled\t''
all\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l all -d 'Every batch job of the project, from its listing (GET /api/v1/beta/batch-processing)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "status" -d 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project\'s runs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l project -d 'Project ID (default: config clarifeye.project_id)' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l status -d 'With --all: only runs in these statuses (comma-separated)' -r -f -a "pending\t''
running\t''
completed\t''
completed_with_warnings\t''
failed\t''
aborted\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l logs -d 'Print each run\'s raw_logs after the table'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l all -d 'Every pipeline run of the project, from its listing (GET /api/v1/projects/{project_id}/pipeline-runs/)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from help" -f -a "run" -d 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project\'s runs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand clarifeye; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -f -a "pipeline" -d 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -f -a "token" -d 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and not __fish_seen_subcommand_from pipeline token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -f -a "status" -d 'Wait for pipelines to compile, start, pause, stop or finish their input, or every pipeline with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from pipeline" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l connector -d 'Ask each input connector TABLE.CONNECTOR for a completion token first, then watch it (repeatable, or comma-separated)' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l interval -d 'With --watch: time between polls of one target, at least 100ms [default: 2s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l timeout -d 'With --watch: give up after this long (exit 6); `none` for no limit [default: none]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l summary -d 'Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l metrics-file -d 'When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter\'s textfile collector' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -s w -l watch -d 'Poll until every target is in a terminal state'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l events -d 'With --watch: one JSON envelope per line each time a target changes'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l wait-for-creation -d 'With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l json -d 'Machine output: one JSON envelope per target, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print nothing on stdout; the exit code is the answer'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l allow-partial -d 'Treat a partial success as success (exit 0 instead of 3)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from help" -f -a "pipeline" -d 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from help" -f -a "token" -d 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
complete -c pipewatch -n "__fish_pipewatch_using_subcommand feldera; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l addr -d 'Address to listen on; 127.0.0.1 keeps it to this machine' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l request-timeout -d 'Per-request time limit [default: 30s]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l retries -d 'Retries of one request on a transient failure' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l concurrency -d 'Requests in flight' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand exporter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand completions" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand completions" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand completions" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand completions" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "path" -d 'Print the config file\'s path (whether or not it exists)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "show" -d 'Print the resolved settings of every service as TOML, secrets redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'This service\'s base URL for this call' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this extra root certificate (PEM)' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -l allow-http -d 'Allow sending a credential over plain HTTP to a non-loopback host'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path (whether or not it exists)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the resolved settings of every service as TOML, secrets redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l addr -d 'Address for --serve' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l profile -d 'Config profile to use [env: PIPEWATCH_PROFILE]' -r
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l config -d 'Config file to use [env: PIPEWATCH_CONFIG]' -r -F
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l serve -d 'Keep the simulator running and print the `export` lines that point pipewatch at it'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -l json -d 'Print the demo\'s results as JSON envelopes, one per line'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -s v -l verbose -d 'Log each HTTP exchange to stderr, credentials redacted'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand demo" -s h -l help -d 'Print help'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "llama" -d 'LlamaCloud indexes, v2 batches, parse, extract and classify jobs, and (deprecated) managed pipelines and their files'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "batch" -d 'LlamaCloud batch processing jobs (beta; deprecated: use `llama batch status`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "clarifeye" -d 'Clarifeye pipeline runs'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "feldera" -d 'Feldera pipelines and completion tokens'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "exporter" -d 'Serve Prometheus probes of jobs (GET /probe) and the exporter\'s own metrics (GET /metrics)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "config" -d 'Show where the config file is, or the settings it resolves to'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "demo" -d 'Watch demo jobs of every service on a built-in simulator (no network, no keys)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and not __fish_seen_subcommand_from llama batch clarifeye feldera exporter completions config demo help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "index" -d 'Indexes: GET /api/v1/indexes/{index_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "batch" -d 'Batches (v2): GET /api/v2/batches/{batch_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "pipeline" -d 'Ingestion status of managed pipelines (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "file" -d 'Ingestion status of files in a pipeline (deprecated: use `llama index`)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "parse" -d 'Parse jobs (v2): GET /api/v2/parse/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "extract" -d 'Extract jobs (v2): GET /api/v2/extract/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from llama" -f -a "classify" -d 'Classify jobs (v2): GET /api/v2/classify/{job_id}'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "status" -d 'Deprecated by LlamaCloud, whose newest SDK drops batch processing: use `pipewatch llama batch status` (v2 batches). GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from clarifeye" -f -a "run" -d 'GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project\'s runs with --all'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from feldera" -f -a "pipeline" -d 'Pipelines: GET /v0/pipelines/{pipeline_name}?selector=status'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from feldera" -f -a "token" -d 'GET /v0/pipelines/{pipeline_name}/completion_status?token='
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path (whether or not it exists)'
complete -c pipewatch -n "__fish_pipewatch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the resolved settings of every service as TOML, secrets redacted'
