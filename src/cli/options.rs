//! The options of the command line: those every command takes, and those
//! of status commands, which only status commands take (CONTRACT §2, §13).

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Command, ValueEnum, ValueHint};

use crate::util::duration::{Timeout, parse_duration, parse_interval, parse_timeout};

/// Options every command accepts: how to talk to the user and which
/// configuration to read. Global, so they may come anywhere, as with
/// kubectl and gh.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Log each HTTP exchange to stderr, credentials redacted
    #[arg(short, long, global = true, help_heading = "Output")]
    pub verbose: bool,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,

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

/// Options every status command accepts (CONTRACT §2), and only status
/// commands. A new status command takes them with one line,
/// `#[command(flatten)] options: StatusArgs`. Global copies on the command
/// groups ([`status_options_for_subcommands`]) and the top-level copy in
/// `Cli` make them work before and between the command's words too;
/// `Cli::try_parse_checked` checks what clap's `requires` cannot see across
/// those levels (`--timeout` needs `--watch`).
#[derive(Clone, Debug, Args)]
pub struct StatusArgs {
    /// Poll until every target is in a terminal state
    #[arg(short, long, help_heading = "Watching")]
    pub watch: bool,
    /// With --watch: time between polls of one target, at least 100ms [default: 2s]
    #[arg(long, value_name = "DUR", value_parser = parse_interval, help_heading = "Watching")]
    pub interval: Option<Duration>,
    /// With --watch: give up after this long (exit 6); `none` for no limit [default: none]
    #[arg(long, value_name = "DUR", value_parser = parse_timeout, help_heading = "Watching")]
    pub timeout: Option<Timeout>,
    /// With --watch: one JSON envelope per line each time a target changes
    #[arg(long, help_heading = "Output")]
    pub events: bool,
    /// With --watch: a target that answers 404 is not created yet: pending ("not found yet") until it appears or --timeout
    #[arg(long, help_heading = "Watching")]
    pub wait_for_creation: bool,

    /// Machine output: one JSON envelope per target, one per line
    #[arg(long, help_heading = "Output")]
    pub json: bool,
    /// Print nothing on stdout; the exit code is the answer
    #[arg(short, long, help_heading = "Output")]
    pub quiet: bool,
    /// Treat a partial success as success (exit 0 instead of 3)
    #[arg(long, help_heading = "Output")]
    pub allow_partial: bool,
    /// Append a Markdown report of the run to PATH when it ends, e.g. "$GITHUB_STEP_SUMMARY"
    // An OsString, not a PathBuf: `--summary "$GITHUB_STEP_SUMMARY"` run
    // outside GitHub Actions passes an empty value, which means no summary
    // rather than a usage error (see `app`).
    #[arg(long, value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = "Output")]
    pub summary: Option<OsString>,
    /// When the command ends, write its Prometheus series to PATH (atomically), e.g. for node_exporter's textfile collector
    #[arg(long, value_name = "PATH", value_hint = ValueHint::FilePath, help_heading = "Output")]
    pub metrics_file: Option<PathBuf>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub requests: RequestArgs,
}

/// How requests are made: status commands and `exporter`.
#[derive(Clone, Debug, Args)]
pub struct RequestArgs {
    /// Per-request time limit [default: 30s]
    #[arg(long, value_name = "DUR", value_parser = parse_duration, help_heading = "Connection")]
    pub request_timeout: Option<Duration>,
    /// Retries of one request on a transient failure
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=100), help_heading = "Connection")]
    pub retries: u32,
    /// Requests in flight
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1024), help_heading = "Connection")]
    pub concurrency: u32,
}

/// Where and how to reach a service: status commands and `config show`.
#[derive(Clone, Debug, Default, Args)]
pub struct ConnectionArgs {
    /// This service's base URL for this call
    #[arg(long, value_name = "URL", help_heading = "Connection")]
    pub base_url: Option<String>,
    /// Allow sending a credential over plain HTTP to a non-loopback host
    #[arg(long, help_heading = "Connection")]
    pub allow_http: bool,
    /// Trust this extra root certificate (PEM)
    #[arg(long, value_name = "PEM", help_heading = "Connection")]
    pub ca_cert: Option<PathBuf>,
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

/// The status options as global copies, for the command groups (`llama`,
/// `batch`, ...): given between a group's words (`feldera --json token`),
/// clap propagates their values down to the status command and up to the
/// top, where they meet those given before or after. They are global only
/// below a status group, so `completions` and `config` never take them.
pub fn status_options_for_subcommands() -> Vec<clap::Arg> {
    StatusArgs::augment_args(Command::new("status"))
        .get_arguments()
        .map(|arg| arg.clone().global(true))
        .collect()
}

/// The ids of the status options, to find those given to a command that
/// does not take them.
pub fn status_option_ids() -> Vec<clap::Id> {
    StatusArgs::augment_args(Command::new("status"))
        .get_arguments()
        .map(|arg| arg.get_id().clone())
        .collect()
}

/// How a status option is spelt on the command line (`--json`), by id.
pub fn status_option_name(id: &clap::Id) -> String {
    StatusArgs::augment_args(Command::new("status"))
        .get_arguments()
        .find(|arg| arg.get_id() == id)
        .and_then(|arg| arg.get_long())
        .map_or_else(|| id.to_string(), |long| format!("--{long}"))
}
