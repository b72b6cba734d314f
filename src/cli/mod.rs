//! The whole command-line tree: the fixed commands here (doc comments are
//! their help text), the status commands grafted from the list of APIs
//! (`status.rs`). clap types stop here: `app` turns them into plain
//! resolved settings.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};
use clap_complete::Shell;

mod options;
mod status;

use crate::model::exit_codes_help;
pub use options::{ColorChoice, ConnectionArgs, GlobalArgs, RequestArgs, StatusArgs};
pub use status::StatusCommand;

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
    /// The status commands, one per API (`llama pipeline status`, ...).
    #[command(flatten)]
    Status(StatusCommand),
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
        matches!(self, Command::Status(_))
    }
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
    /// command line (CONTRACT §13, §17): a status option given before a
    /// command that does not take it, and `--timeout`/`--interval`/
    /// `--events`/`--wait-for-creation` without `--watch` wherever each was
    /// given.
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
            ("--wait-for-creation", options.wait_for_creation),
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
            "pipewatch batch status j --wait-for-creation",
            "pipewatch --wait-for-creation llama parse status j",
        ] {
            let e = parse(args).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{args}");
            assert!(e.to_string().contains("--watch"), "{args}: {e}");
        }
        for args in [
            "pipewatch feldera token p t --events -w",
            "pipewatch --watch feldera token p t --timeout none",
            "pipewatch batch --interval 1s status j --watch",
            "pipewatch feldera token p t --wait-for-creation -w",
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
