//! The whole command-line tree. Doc comments are the help text; clap types
//! stop here: `settings` turns them into plain resolved settings.

use std::net::SocketAddr;

use clap::builder::{NonEmptyStringValueParser, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use clap_complete::Shell;

mod options;

use crate::model::exit_codes_help;
use crate::services::batch::{ITEM_STATUSES, JOB_STATUSES, JOB_TYPES};
use crate::services::clarifeye::RUN_STATUSES;
use crate::services::llama::FILE_STATUSES;
use options::status_options_for_subcommands;
pub use options::{ColorChoice, ConnectionArgs, GlobalArgs, RequestArgs, StatusArgs};

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

    // The options of status commands, wherever they were given: before the
    // command's words, between them or after them (see `options`).
    #[command(flatten)]
    pub options: StatusArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// LlamaCloud managed pipelines, their files, and parse, extract and classify jobs
    #[command(subcommand, args = status_options_for_subcommands())]
    Llama(LlamaCommand),
    /// LlamaCloud batch processing jobs (beta)
    #[command(subcommand, args = status_options_for_subcommands())]
    Batch(BatchCommand),
    /// Clarifeye pipeline runs
    #[command(subcommand, args = status_options_for_subcommands())]
    Clarifeye(ClarifeyeCommand),
    /// Feldera completion tokens
    #[command(subcommand, args = status_options_for_subcommands())]
    Feldera(FelderaCommand),
    /// Serve Prometheus probes of jobs (GET /probe) and the exporter's own metrics (GET /metrics)
    ///
    /// Keys and base URLs come from the exporter's environment and config
    /// profile only, never from a probe's query.
    Exporter {
        /// Address to listen on; 127.0.0.1 keeps it to this machine
        #[arg(long, default_value = "127.0.0.1:9464")]
        addr: SocketAddr,
        #[command(flatten)]
        connection: ConnectionArgs,
        #[command(flatten)]
        requests: RequestArgs,
    },
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
        /// Print the demo's results as JSON envelopes, one per line
        #[arg(long)]
        json: bool,
    },
}

impl Command {
    /// Whether this is a status command, the only kind that takes
    /// [`StatusArgs`].
    pub fn is_status(&self) -> bool {
        matches!(
            self,
            Command::Llama(_) | Command::Batch(_) | Command::Clarifeye(_) | Command::Feldera(_)
        )
    }
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
        #[command(flatten)]
        options: StatusArgs,
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
        #[command(flatten)]
        options: StatusArgs,
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
        #[command(flatten)]
        options: StatusArgs,
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
        #[command(flatten)]
        options: StatusArgs,
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
        #[command(flatten)]
        options: StatusArgs,
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
        #[command(flatten)]
        options: StatusArgs,
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
    crate::util::since::parse(raw, std::time::SystemTime::now())
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path (whether or not it exists)
    Path,
    /// Print the resolved settings of every service as TOML, secrets redacted
    Show {
        #[command(flatten)]
        connection: ConnectionArgs,
    },
}

impl Cli {
    /// Parse the process's arguments, exiting 2 on a usage error (0 for
    /// `--help` and `--version`), as clap does.
    pub fn parse_checked() -> Cli {
        Cli::try_parse_checked(std::env::args_os()).unwrap_or_else(|e| e.exit())
    }

    /// Parse `args` and check what clap cannot see across the levels of the
    /// command line (CONTRACT §13): a status option given before a command
    /// that does not take it, and `--timeout`/`--interval`/`--events`
    /// without `--watch` wherever each was given.
    pub fn try_parse_checked<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::error::ErrorKind;
        use clap::parser::ValueSource;
        use clap::{CommandFactory, FromArgMatches};

        let mut command = Cli::command();
        let matches = command.try_get_matches_from_mut(args)?;
        let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
        if !cli.command.is_status() {
            let name = matches.subcommand_name().unwrap_or_default();
            let given = options::status_option_ids()
                .into_iter()
                .find(|id| matches.value_source(id.as_str()) == Some(ValueSource::CommandLine));
            if let Some(id) = given {
                let flag = options::status_option_name(&id);
                return Err(command.error(
                    ErrorKind::UnknownArgument,
                    format!(
                        "unexpected argument '{flag}' before `{name}`: it is an option of \
                         status commands, and `{name}` takes its own options after its name"
                    ),
                ));
            }
            return Ok(cli);
        }
        let options = &cli.options;
        let without_watch = [
            ("--timeout", options.timeout.is_some()),
            ("--interval", options.interval.is_some()),
            ("--events", options.events),
        ];
        if let (false, Some((flag, _))) = (
            options.watch,
            without_watch.iter().find(|(_, given)| *given),
        ) {
            return Err(command.error(
                ErrorKind::MissingRequiredArgument,
                format!("{flag} only applies while watching: add --watch (-w)"),
            ));
        }
        Ok(cli)
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

    fn parse(args: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_checked(args.split(' '))
    }

    #[test]
    fn status_options_work_before_between_and_after_the_words() {
        for args in [
            "pipewatch --json feldera token p t -q --retries 5",
            "pipewatch feldera --json token p -q t --retries 5",
            "pipewatch --retries 5 feldera token --json p t -q",
        ] {
            let cli = parse(args).unwrap();
            assert!(cli.options.json && cli.options.quiet, "{args}");
            assert_eq!(cli.options.requests.retries, 5, "{args}");
        }
        let cli = parse("pipewatch batch status j").unwrap();
        assert_eq!(
            (
                cli.options.requests.retries,
                cli.options.requests.concurrency
            ),
            (3, 8)
        );
    }

    #[test]
    fn watch_options_require_watch_wherever_given() {
        for args in [
            "pipewatch feldera token p t --events",
            "pipewatch feldera token p t --timeout 1s",
            "pipewatch --interval 1s feldera token p t",
            "pipewatch batch --timeout none status j",
        ] {
            let e = parse(args).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{args}");
            assert!(e.to_string().contains("--watch"), "{args}: {e}");
        }
        for args in [
            "pipewatch feldera token p t --events -w",
            "pipewatch --watch feldera token p t --timeout none",
            "pipewatch batch --interval 1s status j --watch",
        ] {
            assert!(parse(args).is_ok(), "{args}");
        }
    }

    #[test]
    fn other_commands_take_no_status_option() {
        for args in [
            "pipewatch completions bash --watch",
            "pipewatch completions bash --json",
            "pipewatch --timeout 5s completions bash",
            "pipewatch config show --json",
            "pipewatch config path --watch",
            "pipewatch --json demo",
            "pipewatch demo --retries 2",
        ] {
            let e = parse(args).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{args}");
        }
        for args in [
            "pipewatch demo --json -v",
            "pipewatch config show --base-url http://x --profile p",
            "pipewatch --profile p config show",
            "pipewatch --color never completions bash",
        ] {
            assert!(parse(args).is_ok(), "{args}");
        }
    }
}

#[cfg(test)]
mod dump_tree {
    #[test]
    fn dump() {
        use clap::CommandFactory;
        if let Ok(path) = std::env::var("DUMP_CLAP") {
            let mut cmd = super::Cli::command();
            cmd.build();
            std::fs::write(path, format!("{cmd:#?}")).unwrap();
        }
    }
}
