//! The whole command-line tree. Doc comments are the help text; clap types
//! stop here: `settings` turns them into plain resolved settings.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::{NonEmptyStringValueParser, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::Shell;

use crate::duration::parse_duration;
use crate::services::batch::{ITEM_STATUSES, JOB_STATUSES, JOB_TYPES};
use crate::services::clarifeye::RUN_STATUSES;
use crate::services::llama::FILE_STATUSES;
use crate::status::exit_codes_help;

/// Is my job done yet, and did it work?
///
/// Checks and watches pipeline jobs on LlamaCloud, Clarifeye and Feldera,
/// the same way for every service: a table for people, JSON for scripts,
/// and an exit code that tells the outcome.
#[derive(Debug, Parser)]
#[command(name = "pipewatch", version, after_help = exit_codes_help(), max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// LlamaCloud managed pipelines, their files, and parse, extract and classify jobs
    #[command(subcommand)]
    Llama(LlamaCommand),
    /// LlamaCloud batch processing jobs (beta)
    #[command(subcommand)]
    Batch(BatchCommand),
    /// Clarifeye pipeline runs
    #[command(subcommand)]
    Clarifeye(ClarifeyeCommand),
    /// Feldera completion tokens
    #[command(subcommand)]
    Feldera(FelderaCommand),
    /// Print a shell completion script to stdout
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
    /// Show where the config file is, or the settings it resolves to
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Watch demo jobs of every service on a built-in simulator (no network, no keys)
    Demo {
        /// Keep the simulator running and print the `export` lines that point pipewatch at it
        #[arg(long)]
        serve: bool,
        /// Address for --serve
        #[arg(long, default_value = "127.0.0.1:8765", requires = "serve")]
        addr: SocketAddr,
    },
}

#[derive(Debug, Subcommand)]
pub enum LlamaCommand {
    /// Ingestion status of managed pipelines
    #[command(subcommand)]
    Pipeline(LlamaPipelineCommand),
    /// Ingestion status of files in a pipeline
    #[command(subcommand)]
    File(LlamaFileCommand),
    /// Parse jobs (v2): GET /api/v2/parse/{job_id}
    #[command(subcommand)]
    Parse(LlamaJobCommand),
    /// Extract jobs (v2): GET /api/v2/extract/{job_id}
    #[command(subcommand)]
    Extract(LlamaJobCommand),
    /// Classify jobs (v2): GET /api/v2/classify/{job_id}
    #[command(subcommand)]
    Classify(LlamaJobCommand),
}

#[derive(Debug, Subcommand)]
pub enum LlamaJobCommand {
    /// Status of jobs by ID (many at once through the listing's job_ids filter), or the project's jobs with --all
    Status {
        /// Job IDs; `-` reads them from stdin, one per line
        #[arg(value_name = "JOB_ID", required_unless_present = "all", conflicts_with = "all", value_parser = NonEmptyStringValueParser::new())]
        job_ids: Vec<String>,
        /// Organization ID (default: config llama.organization_id)
        #[arg(long, value_name = "ID")]
        organization_id: Option<String>,
        /// Project ID (default: config llama.project_id)
        #[arg(long, value_name = "ID")]
        project_id: Option<String>,
        /// Every job of the project, from its listing (GET /api/v2/{parse,extract,classify})
        #[arg(long, help_heading = "Collections")]
        all: bool,
        /// With --all: only jobs in these statuses (comma-separated): PENDING, RUNNING, COMPLETED, FAILED, CANCELLED (extract also THROTTLED)
        #[arg(
            long,
            requires = "all",
            conflicts_with = "job_ids",
            value_name = "STATUS",
            value_delimiter = ',',
            help_heading = "Collections"
        )]
        status: Vec<String>,
        /// With --all: only jobs created since then: a duration ago (`2h`, `1d`) or an RFC 3339 time
        #[arg(long, requires = "all", conflicts_with = "job_ids", value_name = "DUR|RFC3339", value_parser = parse_since, help_heading = "Collections")]
        since: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LlamaPipelineCommand {
    /// GET /api/v1/pipelines/{pipeline_id}/status (and its files' status counts, for progress)
    Status {
        /// Pipeline IDs; `-` reads them from stdin, one per line
        #[arg(required = true, value_name = "PIPELINE_ID", value_parser = NonEmptyStringValueParser::new())]
        pipeline_ids: Vec<String>,
        /// Ask for the full details (full_details=true)
        #[arg(long)]
        full_details: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum LlamaFileCommand {
    /// GET /api/v1/pipelines/{pipeline_id}/files/{file_id}/status, or the pipeline's file listing with --all
    Status {
        /// The pipeline the files belong to
        #[arg(long, value_name = "PIPELINE_ID", value_parser = NonEmptyStringValueParser::new())]
        pipeline: String,
        /// File IDs; `-` reads them from stdin, one per line
        #[arg(value_name = "FILE_ID", required_unless_present = "all", conflicts_with = "all", value_parser = NonEmptyStringValueParser::new())]
        file_ids: Vec<String>,
        /// Every file of the pipeline, from its listing (GET /api/v1/beta/pipelines/{pipeline_id}/files)
        #[arg(long, help_heading = "Collections")]
        all: bool,
        /// With --all: only files in these statuses (comma-separated)
        #[arg(long, requires = "all", conflicts_with = "file_ids", value_name = "STATUS", value_delimiter = ',', ignore_case = true,
              value_parser = one_of(FILE_STATUSES.iter().copied(), str::to_ascii_uppercase), help_heading = "Collections")]
        status: Vec<String>,
        /// With --all: only files whose name contains TEXT (case-insensitive)
        #[arg(
            long,
            requires = "all",
            conflicts_with = "file_ids",
            value_name = "TEXT",
            help_heading = "Collections"
        )]
        name_contains: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// GET /api/v1/beta/batch-processing/{job_id}, or the job listing with --all
    Status {
        /// Batch job IDs; `-` reads them from stdin, one per line
        #[arg(value_name = "JOB_ID", required_unless_present = "all", conflicts_with = "all", value_parser = NonEmptyStringValueParser::new())]
        job_ids: Vec<String>,
        /// Organization ID (default: config llama.organization_id)
        #[arg(long, value_name = "ID")]
        organization_id: Option<String>,
        /// Project ID (default: config llama.project_id)
        #[arg(long, value_name = "ID")]
        project_id: Option<String>,
        /// Every batch job of the project, from its listing (GET /api/v1/beta/batch-processing)
        #[arg(long, help_heading = "Collections")]
        all: bool,
        /// With --all: only jobs in this status
        #[arg(long, requires = "all", conflicts_with = "job_ids", value_name = "STATUS", ignore_case = true,
              value_parser = one_of(JOB_STATUSES.iter().copied(), str::to_ascii_lowercase), help_heading = "Collections")]
        status: Option<String>,
        /// With --all: only jobs of this type
        #[arg(long, requires = "all", conflicts_with = "job_ids", value_name = "TYPE", ignore_case = true,
              value_parser = one_of(JOB_TYPES.iter().copied(), str::to_ascii_lowercase), help_heading = "Collections")]
        job_type: Option<String>,
        /// After each job, list its items in STATUS (default: failed), or `all`
        #[arg(long, value_name = "STATUS", num_args = 0..=1, default_missing_value = "failed", ignore_case = true,
              value_parser = one_of(ITEM_STATUSES.iter().copied().chain(["all"]), str::to_ascii_lowercase), help_heading = "Collections")]
        items: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClarifeyeCommand {
    /// GET /api/v1/projects/{project_id}/pipeline-runs/{pipeline_run_id}/, or the project's runs with --all
    Run {
        /// Project ID (default: config clarifeye.project_id)
        #[arg(long, value_name = "PROJECT_ID", value_parser = NonEmptyStringValueParser::new())]
        project: Option<String>,
        /// Pipeline run IDs; `-` reads them from stdin, one per line
        #[arg(value_name = "RUN_ID", required_unless_present = "all", conflicts_with = "all", value_parser = NonEmptyStringValueParser::new())]
        run_ids: Vec<String>,
        /// Print each run's raw_logs after the table
        #[arg(long)]
        logs: bool,
        /// Every pipeline run of the project, from its listing (GET /api/v1/projects/{project_id}/pipeline-runs/)
        #[arg(long, help_heading = "Collections")]
        all: bool,
        /// With --all: only runs in these statuses (comma-separated)
        #[arg(long, requires = "all", conflicts_with = "run_ids", value_name = "STATUS", value_delimiter = ',', ignore_case = true,
              value_parser = one_of(RUN_STATUSES.iter().copied(), str::to_ascii_lowercase), help_heading = "Collections")]
        status: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum FelderaCommand {
    /// GET /v0/pipelines/{pipeline_name}/completion_status?token=
    Token {
        /// The pipeline's name
        #[arg(value_parser = NonEmptyStringValueParser::new())]
        pipeline_name: String,
        /// Completion tokens from /ingress or /completion_token; `-` reads them from stdin
        #[arg(required_unless_present = "connectors", value_name = "TOKEN", value_parser = NonEmptyStringValueParser::new())]
        tokens: Vec<String>,
        /// Ask each input connector TABLE.CONNECTOR for a completion token first, then watch it (repeatable, or comma-separated)
        #[arg(long = "connector", value_name = "TABLE.CONNECTOR", value_delimiter = ',', conflicts_with = "tokens", value_parser = parse_connector)]
        connectors: Vec<(String, String)>,
    },
}

/// A vendor enum value, matched case-insensitively (with the argument's
/// `ignore_case`) and handed on in the vendor's own spelling; clap names
/// the valid ones when it is not one of them.
fn one_of(
    values: impl IntoIterator<Item = &'static str>,
    spelling: fn(&str) -> String,
) -> impl TypedValueParser<Value = String> {
    PossibleValuesParser::new(values).map(move |value| spelling(&value))
}

/// `--connector TABLE.CONNECTOR`: split at the first dot (Feldera's table
/// names are SQL identifiers; a connector name may hold dots).
fn parse_connector(raw: &str) -> Result<(String, String), String> {
    match raw.split_once('.') {
        Some((table, connector)) if !table.is_empty() && !connector.is_empty() => {
            Ok((table.to_owned(), connector.to_owned()))
        }
        _ => Err(format!(
            "`{raw}` is not TABLE.CONNECTOR (a table name, a dot, a connector name)"
        )),
    }
}

/// `--since`: a duration ago or an RFC 3339 time, as the RFC 3339 (UTC)
/// time the listing's `created_at_on_or_after` takes.
fn parse_since(raw: &str) -> Result<String, String> {
    crate::since::parse(raw, std::time::SystemTime::now())
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path (whether or not it exists)
    Path,
    /// Print the resolved settings of every service, secrets redacted
    Show,
}

/// Options every status command accepts. They are global so they may come
/// before or after the subcommand, as with kubectl and gh.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Poll until every target is in a terminal state
    #[arg(short, long, global = true, help_heading = "Watching")]
    pub watch: bool,
    /// Time between polls of one target [default: 2s]
    #[arg(long, global = true, value_name = "DUR", value_parser = parse_duration, help_heading = "Watching")]
    pub interval: Option<Duration>,
    /// Give up watching after this long (exit 6) [default: no limit]
    #[arg(long, global = true, value_name = "DUR", value_parser = parse_duration, help_heading = "Watching")]
    pub timeout: Option<Duration>,
    /// With --watch: one JSON envelope per line each time a target changes
    #[arg(long, global = true, requires = "watch", help_heading = "Output")]
    pub events: bool,

    /// Machine output: one JSON envelope per target, one per line
    #[arg(long, global = true, help_heading = "Output")]
    pub json: bool,
    /// Print nothing on stdout; the exit code is the answer
    #[arg(short, long, global = true, help_heading = "Output")]
    pub quiet: bool,
    /// Treat a partial success as success (exit 0 instead of 3)
    #[arg(long, global = true, help_heading = "Output")]
    pub allow_partial: bool,
    /// Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"
    // An OsString, not a PathBuf: `--summary "$GITHUB_STEP_SUMMARY"` run
    // outside GitHub Actions passes an empty value, which means no summary
    // rather than a usage error (see `app`).
    #[arg(long, global = true, value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = "Output")]
    pub summary: Option<OsString>,
    /// Log each HTTP exchange to stderr, credentials redacted
    #[arg(short, long, global = true, help_heading = "Output")]
    pub verbose: bool,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,

    /// This service's base URL for this call
    #[arg(long, global = true, value_name = "URL", help_heading = "Connection")]
    pub base_url: Option<String>,
    /// Allow sending a credential over plain HTTP to a non-loopback host
    #[arg(long, global = true, help_heading = "Connection")]
    pub allow_http: bool,
    /// Trust this extra root certificate (PEM)
    #[arg(long, global = true, value_name = "PEM", help_heading = "Connection")]
    pub ca_cert: Option<PathBuf>,
    /// Per-request time limit [default: 30s]
    #[arg(long, global = true, value_name = "DUR", value_parser = parse_duration, help_heading = "Connection")]
    pub request_timeout: Option<Duration>,
    /// Retries of one request on a transient failure
    #[arg(long, global = true, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=100), help_heading = "Connection")]
    pub retries: u32,
    /// Requests in flight
    #[arg(long, global = true, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1024), help_heading = "Connection")]
    pub concurrency: u32,

    // PIPEWATCH_PROFILE and PIPEWATCH_CONFIG are read in `app`, not with
    // clap's `env`, so that an empty variable counts as unset like every
    // other variable pipewatch reads.
    /// Config profile to use [env: PIPEWATCH_PROFILE]
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Configuration"
    )]
    pub profile: Option<String>,
    /// Config file to use [env: PIPEWATCH_CONFIG]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Configuration"
    )]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// What the flag forces, if anything: `auto` leaves it to the
    /// environment and the terminal.
    pub fn forced(self) -> Option<bool> {
        match self {
            ColorChoice::Auto => None,
            ColorChoice::Always => Some(true),
            ColorChoice::Never => Some(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_tree_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_work_before_and_after_the_subcommand() {
        let cli = Cli::try_parse_from(["pipewatch", "--json", "feldera", "token", "p", "t", "-q"]);
        let cli = cli.unwrap();
        assert!(cli.global.json && cli.global.quiet);
    }

    #[test]
    fn events_requires_watch() {
        let err = Cli::try_parse_from(["pipewatch", "feldera", "token", "p", "t", "--events"]);
        assert!(err.is_err());
    }
}
